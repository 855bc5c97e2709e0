// A parent's journey through the Custodian API, typed only by what openapi-typescript generates from the gateway's
// merged OpenAPI document (schema.d.ts): no `any`, no type assertions, no hand-written request or response types.
// It is compiled (tsc --strict --noEmit), never run: if it compiles, a front-end team needs nothing but the contract.
//
//   1. GET /api/v1/me: the parent's children at each school, each purpose with its title, status and explanation
//   2. POST …/pupils/{pupilId}/consents: withdraw a consent; the receipt names the purpose and when it was issued
//   3. POST …/requests: file a subject access request for the child; show its deadline
//   4. GET …/requests/{id}: read it back later and show the deadline again
import createClient from "openapi-fetch";
import type { paths } from "./schema";

export async function parentJourney(baseUrl: string, token: string): Promise<string[]> {
  const api = createClient<paths>({ baseUrl, headers: { Authorization: `Bearer ${token}` } });
  const lines: string[] = [];

  // 1. who I am, my children and what each purpose means
  const me = await api.GET("/api/v1/me");
  if (me.error !== undefined) {
    throw new Error(`GET /api/v1/me: ${me.error.title}: ${me.error.detail ?? ""}`);
  }
  const guardianId: string = me.data.subject;
  for (const school of me.data.schools) {
    lines.push(`${school.name} (${school.urn})`);
    for (const child of school.children ?? []) {
      lines.push(`  ${child.pupil.givenName} ${child.pupil.familyName}`);
      if (child.canDecide === false) {
        lines.push(`    ${child.reason ?? "you cannot decide for this child"}`);
        continue;
      }
      for (const purpose of child.purposes ?? []) {
        const status: string = purpose.status;
        lines.push(`    ${purpose.title}: ${status}${purpose.permitted ? "" : " (not in use)"}`);
        for (const why of purpose.explanation) {
          lines.push(`      ${why}`);
        }
      }
    }
  }

  // the first child with a granted purpose
  const school = me.data.schools.find((s) => (s.children ?? []).length > 0);
  const child = school?.children?.find((c) => c.canDecide !== false);
  const granted = child?.purposes?.find((p) => p.status === "GRANTED");
  if (school === undefined || child === undefined || granted === undefined) {
    return lines;
  }
  const urn = school.urn;
  const pupilId = child.pupil.pupilId;

  // 2. withdraw it
  const withdrawal = await api.POST("/api/v1/schools/{urn}/pupils/{pupilId}/consents", {
    params: {
      path: { urn, pupilId },
      header: { "Idempotency-Key": `withdraw-${pupilId}-${granted.purpose}` },
    },
    body: {
      purpose: granted.purpose,
      decision: "WITHDRAWN",
      givenBy: { type: "GUARDIAN", guardianId },
      method: "ONLINE",
    },
  });
  if (withdrawal.error !== undefined) {
    throw new Error(`withdrawal refused: ${withdrawal.error.title}: ${withdrawal.error.detail ?? ""}`);
  }
  const receipt = withdrawal.data;
  const issuedAt: string = receipt.issuedAt;
  lines.push(`withdrawn: ${receipt.purpose.title} (receipt ${receipt.receiptId}, ${issuedAt})`);

  // 3. ask for a copy of the child's data
  const filed = await api.POST("/api/v1/schools/{urn}/requests", {
    params: {
      path: { urn },
      header: { "Idempotency-Key": `access-${pupilId}` },
    },
    body: {
      type: "ACCESS",
      subject: { type: "PUPIL", id: pupilId },
      description: "Please send me a copy of the data the school holds about my child.",
    },
  });
  if (filed.error !== undefined) {
    throw new Error(`request refused: ${filed.error.title}: ${filed.error.detail ?? ""}`);
  }
  const request = filed.data;
  // the clock may not run yet (e.g. while the school checks who is asking): then there is no due date, and clock says why
  const dueOn: string = request.deadline.dueOn ?? `not set yet (clock ${request.deadline.clock})`;
  lines.push(`access request ${request.id} (${request.status}) received ${request.receivedOn}, due by ${dueOn}`);
  for (const step of request.requesterSteps ?? []) {
    lines.push(`  you can: ${step.description}`);
  }

  // 4. read it back
  const again = await api.GET("/api/v1/schools/{urn}/requests/{id}", {
    params: { path: { urn, id: request.id } },
  });
  if (again.error !== undefined) {
    throw new Error(`request not found: ${again.error.title}`);
  }
  const deadline = again.data.deadline;
  lines.push(`still due by ${deadline.dueOn ?? `(not set yet: clock ${deadline.clock})`}${deadline.extended ? " (extended)" : ""}`);
  return lines;
}
