#!/usr/bin/env python3
"""Writes deploy/k8s/schemas/schemas.json: strict JSON Schemas (2020-12) for every kind deploy/k8s uses, which the
system-tests module's manifest check validates the rendered kustomize output against (.ci/run; no cluster needed).

Run it only to move to another Kubernetes, Strimzi or CloudNativePG version, with the upstream files at hand:

  python3 deploy/k8s/schemas/generate.py \
      --kubernetes swagger.json                      # kubernetes-client/python: kubernetes/swagger.json.unprocessed
      --crd 040-Crd-kafka.yaml --crd 043-Crd-kafkatopic.yaml --crd 044-Crd-kafkauser.yaml --crd 045-Crd-kafkanodepool.yaml   # Strimzi install/
      --crd postgresql.cnpg.io_clusters.yaml --crd postgresql.cnpg.io_scheduledbackups.yaml     # CloudNativePG
      --source "..."                                 # where they came from, recorded in the output

What it does to the upstream schemas: keeps only the definitions the kinds below reach; drops descriptions, formats
and CEL rules; makes every object with declared properties refuse unknown ones (as the API server's strict field
validation does, and as a CRD's pruning would silently hide); lets int-or-string and quantities be numbers or strings
as YAML writes them; and gives each custom resource the Kubernetes ObjectMeta. Needs PyYAML (python3-yaml).
"""
import argparse
import json
import sys

import yaml

KINDS = {
    "v1/Namespace": "io.k8s.api.core.v1.Namespace",
    "v1/ServiceAccount": "io.k8s.api.core.v1.ServiceAccount",
    "v1/ConfigMap": "io.k8s.api.core.v1.ConfigMap",
    "v1/Secret": "io.k8s.api.core.v1.Secret",
    "v1/Service": "io.k8s.api.core.v1.Service",
    "apps/v1/Deployment": "io.k8s.api.apps.v1.Deployment",
    "policy/v1/PodDisruptionBudget": "io.k8s.api.policy.v1.PodDisruptionBudget",
    "autoscaling/v2/HorizontalPodAutoscaler": "io.k8s.api.autoscaling.v2.HorizontalPodAutoscaler",
    "networking.k8s.io/v1/NetworkPolicy": "io.k8s.api.networking.v1.NetworkPolicy",
    "networking.k8s.io/v1/Ingress": "io.k8s.api.networking.v1.Ingress",
}
OBJECT_META = "io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta"
NUMBER_OR_STRING = {
    "io.k8s.apimachinery.pkg.util.intstr.IntOrString": {"type": ["integer", "string"]},
    "io.k8s.apimachinery.pkg.api.resource.Quantity": {"type": ["number", "string"]},
}
DROP = {"description", "format", "x-kubernetes-validations", "x-kubernetes-list-type", "x-kubernetes-list-map-keys",
        "x-kubernetes-map-type", "x-kubernetes-patch-strategy", "x-kubernetes-patch-merge-key", "x-kubernetes-unions",
        "x-kubernetes-group-version-kind", "x-kubernetes-action", "x-kubernetes-embedded-resource", "example", "default"}


def convert(schema):
    """An upstream (Swagger 2 or OpenAPI v3 structural) schema as strict JSON Schema 2020-12."""
    if isinstance(schema, list):
        return [convert(s) for s in schema]
    if not isinstance(schema, dict):
        return schema
    if "$ref" in schema:
        return {"$ref": schema["$ref"].replace("#/definitions/", "#/$defs/")}
    if schema.get("x-kubernetes-int-or-string"):
        return {"type": ["integer", "string"]}
    out = {}
    for key, value in schema.items():
        if key in DROP or key.startswith("x-kubernetes-") and key != "x-kubernetes-preserve-unknown-fields":
            continue
        if key == "properties":
            out[key] = {name: convert(s) for name, s in value.items()}
        elif key in ("items", "additionalProperties", "not") and isinstance(value, dict):
            out[key] = convert(value)
        elif key in ("allOf", "anyOf", "oneOf"):
            out[key] = convert(value)
        else:
            out[key] = value
    preserve = out.pop("x-kubernetes-preserve-unknown-fields", False)
    if out.pop("nullable", False) and "type" in out:
        out["type"] = [out["type"], "null"]
    if "properties" in out and "additionalProperties" not in out and not preserve:
        out["additionalProperties"] = False
    return out


def reachable(definitions, roots):
    seen, todo = set(), list(roots)
    while todo:
        name = todo.pop()
        if name in seen:
            continue
        seen.add(name)
        todo.extend(refs(definitions[name]))
    return seen


def refs(schema):
    if isinstance(schema, dict):
        for key, value in schema.items():
            if key == "$ref":
                yield value.split("/")[-1]
            else:
                yield from refs(value)
    elif isinstance(schema, list):
        for value in schema:
            yield from refs(value)


def main():
    args = argparse.ArgumentParser()
    args.add_argument("--kubernetes", required=True)
    args.add_argument("--crd", action="append", default=[])
    args.add_argument("--source", required=True)
    args.add_argument("--out", default="deploy/k8s/schemas/schemas.json")
    options = args.parse_args()

    definitions = json.load(open(options.kubernetes))["definitions"]
    defs = {}
    for name in sorted(reachable(definitions, list(KINDS.values()))):
        defs[name] = NUMBER_OR_STRING.get(name) or convert(definitions[name])
    kinds = {kind: {"$ref": "#/$defs/" + name} for kind, name in KINDS.items()}

    for path in options.crd:
        crd = yaml.safe_load(open(path))
        group, kind = crd["spec"]["group"], crd["spec"]["names"]["kind"]
        for version in crd["spec"]["versions"]:
            if not version.get("served"):
                continue
            api_version = group + "/" + version["name"]
            schema = convert(version["schema"]["openAPIV3Schema"])
            schema["properties"]["apiVersion"] = {"const": api_version}
            schema["properties"]["kind"] = {"const": kind}
            schema["properties"]["metadata"] = {"$ref": "#/$defs/" + OBJECT_META}
            schema["required"] = sorted(set(schema.get("required", [])) | {"apiVersion", "kind", "metadata"})
            name = api_version.replace("/", ".") + "." + kind
            defs[name] = schema
            kinds[api_version + "/" + kind] = {"$ref": "#/$defs/" + name}

    for kind, name in KINDS.items():
        api_version = kind.rsplit("/", 1)[0]
        defs[name]["properties"]["apiVersion"] = {"const": api_version}
        defs[name]["properties"]["kind"] = {"const": kind.rsplit("/", 1)[1]}
        defs[name]["required"] = sorted(set(defs[name].get("required", [])) | {"apiVersion", "kind", "metadata"})

    document = {"$schema": "https://json-schema.org/draft/2020-12/schema",
                "$comment": "Generated by deploy/k8s/schemas/generate.py from " + options.source + ". Do not edit.",
                "kinds": kinds, "$defs": defs}
    with open(options.out, "w") as out:
        json.dump(document, out, indent=None, separators=(",", ":"), sort_keys=True)
        out.write("\n")
    print("wrote", options.out, ":", len(kinds), "kinds,", len(defs), "definitions", file=sys.stderr)


if __name__ == "__main__":
    main()
