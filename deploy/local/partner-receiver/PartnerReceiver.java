/*
 * Custodian partner receiver: a partner's day-one tool. Receives Custodian's Standard Webhooks, verifies each
 * signature with the endpoint's whsec_ secret, prints the event, and answers partner actions from the command line.
 *
 * Needs only a JDK 17 (java runs this single source file). Usage: see README.md, or run with --help.
 */

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

public class PartnerReceiver {

    static final String USAGE = """
            Custodian partner receiver

            Receive webhooks (Standard Webhooks 1.0), verify them and print each event:
              run.sh --port 9999 --secret whsec_... [--secret whsec_old...] [--host 127.0.0.1]
                     [--out events.jsonl] [--quiet] [--auto-ack] [--tolerance 300]

            Answer partner actions (a partner token: its sub is your recipient id):
              run.sh list     [--status OPEN,ACKNOWLEDGED,OVERDUE | --status all] [--pupil ID]
              run.sh show     ACTION_ID
              run.sh ack      ACTION_ID [--note TEXT]
              run.sh complete ACTION_ID --outcome DELETED|ANONYMISED|CORRECTED|RESTRICTED --records N
                              --reference YOUR_REF [--when 2026-12-01T10:30:00Z] [--note TEXT]
              run.sh dispute  ACTION_ID --reason TEXT [--legal-reference TEXT]

            Options for the API (also used by --auto-ack):
              --api URL        the Custodian gateway (env CUSTODIAN_API, default http://localhost:8080)
              --school URN     the school (env CUSTODIAN_SCHOOL, default 100001)
              --token JWT      a partner token (env PARTNER_TOKEN); run.sh can mint a local dev one with
                               --recipient ID (deploy/local/token.sh --role partner --sub ID)
            """;

    public static void main(String[] args) throws Exception {
        Args a;
        try {
            a = new Args(args);
        } catch (IllegalArgumentException e) {
            System.err.println("partner-receiver: " + e.getMessage() + " (run.sh --help)");
            System.exit(2);
            return;
        }
        if (a.flag("help") || a.flag("h")) {
            System.out.print(USAGE);
            return;
        }
        String command = a.positional(0, "receive");
        int code;
        try {
            code = switch (command) {
                case "receive" -> new Receiver(a).run();
                case "list", "show", "ack", "acknowledge", "complete", "dispute" -> new Actions(a).run(command);
                default -> {
                    System.err.println("unknown command '" + command + "'\n\n" + USAGE);
                    yield 2;
                }
            };
        } catch (IllegalArgumentException e) {
            System.err.println("partner-receiver: " + e.getMessage() + " (run.sh --help)");
            code = 2;
        } catch (java.net.ConnectException e) {
            System.err.println("partner-receiver: cannot reach the API (" + e + "); is the gateway at --api running?");
            code = 1;
        }
        if (code != 0) {
            System.exit(code);
        }
    }

    // ------------------------------------------------------------------ receiving

    /** The webhook receiver: verify, de-duplicate, print, answer 2xx at once. */
    static final class Receiver {
        private final List<byte[]> keys = new ArrayList<>();
        private final long tolerance;
        private final Path out;
        private final boolean quiet;
        private final boolean autoAck;
        private final Args args;
        private final Set<String> seen = Collections.synchronizedSet(Collections.newSetFromMap(new LinkedHashMap<>() {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                return size() > 10_000;
            }
        }));
        private final ExecutorService background = Executors.newSingleThreadExecutor();

        Receiver(Args a) {
            this.args = a;
            for (String secret : a.all("secret")) {
                if (!secret.startsWith("whsec_")) {
                    throw new IllegalArgumentException("a secret starts with whsec_ (as the school gave it to you)");
                }
                keys.add(Base64.getDecoder().decode(secret.substring("whsec_".length())));
            }
            if (keys.isEmpty()) {
                throw new IllegalArgumentException("--secret whsec_... is required (the endpoint's signing secret)");
            }
            this.tolerance = Long.parseLong(a.value("tolerance", "300"));
            this.out = a.value("out", null) == null ? null : Path.of(a.value("out", null));
            this.quiet = a.flag("quiet");
            this.autoAck = a.flag("auto-ack");
        }

        int run() throws IOException, InterruptedException {
            int port = Integer.parseInt(args.value("port", "9999"));
            String host = args.value("host", "127.0.0.1");
            if (autoAck) {
                Api.from(args); // fails now, not at the first event, when there is no token
            }
            HttpServer server = HttpServer.create(new InetSocketAddress(host, port), 0);
            server.createContext("/", this::handle);
            server.setExecutor(Executors.newFixedThreadPool(4));
            server.start();
            System.out.println("partner-receiver listening on http://" + host + ":" + server.getAddress().getPort()
                    + "/ (any path); " + keys.size() + " secret(s); Ctrl-C to stop");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> server.stop(0)));
            Thread.currentThread().join();
            return 0;
        }

        private void handle(HttpExchange exchange) throws IOException {
            try (exchange) {
                if (!exchange.getRequestMethod().equals("POST")) {
                    answer(exchange, 405, "POST only");
                    return;
                }
                byte[] raw = readAtMost(exchange.getRequestBody(), 1 << 20);
                if (raw == null) {
                    answer(exchange, 413, "body too large");
                    return;
                }
                String body = new String(raw, StandardCharsets.UTF_8);
                String id = exchange.getRequestHeaders().getFirst("webhook-id");
                String timestamp = exchange.getRequestHeaders().getFirst("webhook-timestamp");
                String signature = exchange.getRequestHeaders().getFirst("webhook-signature");
                String refusal = Signatures.check(keys, id, timestamp, body, signature, Instant.now(), tolerance);
                if (refusal != null) {
                    System.out.println(stamp() + " REJECTED " + exchange.getRequestURI() + ": " + refusal);
                    answer(exchange, 401, refusal);
                    return;
                }
                if (!seen.add(id)) {
                    System.out.println(stamp() + " duplicate " + id + " (already processed; answered 204)");
                    answer(exchange, 204, null);
                    return;
                }
                answer(exchange, 204, null);
                background.submit(() -> process(id, body));
            }
        }

        private void process(String id, String body) {
            try {
                Object event = Json.parse(body);
                System.out.println(describe(id, event));
                if (!quiet) {
                    System.out.println(Json.pretty(event));
                }
                if (out != null) {
                    Files.writeString(out, body.replace("\n", " ") + "\n", StandardCharsets.UTF_8,
                            StandardOpenOption.CREATE, StandardOpenOption.APPEND);
                }
                String actionId = Json.text(event, "data", "action", "id");
                if (autoAck && actionId != null && "OPEN".equals(Json.text(event, "data", "action", "status"))) {
                    Api api = Api.from(args);
                    Api.Reply reply = api.post("/partner-actions/" + actionId + "/acknowledgement",
                            Json.object("note", "received by partner-receiver (message " + id + ")"));
                    System.out.println(stamp() + "   auto-ack " + actionId + ": " + reply.summary());
                }
            } catch (Exception e) {
                System.out.println(stamp() + " could not process " + id + ": " + e);
            }
            System.out.flush();
        }

        static String describe(String id, Object event) {
            StringBuilder s = new StringBuilder(stamp()).append(" VERIFIED ").append(Json.text(event, "type"))
                    .append(" ").append(id);
            String pupil = Json.text(event, "data", "pupilId");
            s.append(" school ").append(Json.text(event, "data", "school"));
            if (pupil != null) {
                s.append(" pupil ").append(pupil);
            }
            String action = Json.text(event, "data", "action", "id");
            if (action != null) {
                s.append("\n    action ").append(action).append(" ").append(Json.text(event, "data", "action", "kind"))
                        .append(" due by ").append(Json.text(event, "data", "action", "dueBy"))
                        .append(" (").append(Json.text(event, "data", "action", "status")).append(")")
                        .append("\n    answer: run.sh ack|complete|dispute ").append(action);
            }
            String required = Json.text(event, "data", "requiredAction");
            if (required != null) {
                s.append("\n    required: ").append(required);
            }
            return s.toString();
        }

        private static void answer(HttpExchange exchange, int status, String text) throws IOException {
            byte[] bytes = text == null ? new byte[0] : text.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
            if (bytes.length > 0) {
                exchange.getResponseBody().write(bytes);
            }
        }

        private static byte[] readAtMost(InputStream in, int max) throws IOException {
            byte[] bytes = in.readNBytes(max + 1);
            return bytes.length > max ? null : bytes;
        }
    }

    /** Standard Webhooks 1.0 verification, as the Custodian README describes it. */
    static final class Signatures {
        /** @return null when the message verifies, otherwise why not */
        static String check(List<byte[]> keys, String id, String timestamp, String body, String header, Instant now,
                            long toleranceSeconds) {
            if (id == null || timestamp == null || header == null) {
                return "missing webhook-id, webhook-timestamp or webhook-signature";
            }
            long ts;
            try {
                ts = Long.parseLong(timestamp);
            } catch (NumberFormatException e) {
                return "webhook-timestamp is not a number";
            }
            if (Math.abs(now.getEpochSecond() - ts) > toleranceSeconds) {
                return "webhook-timestamp is more than " + toleranceSeconds + " s off (replay?)";
            }
            byte[] signed = (id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8);
            for (byte[] key : keys) {
                byte[] expected = hmac(key, signed);
                for (String candidate : header.trim().split(" +")) {
                    if (!candidate.startsWith("v1,")) {
                        continue;
                    }
                    byte[] given;
                    try {
                        given = Base64.getDecoder().decode(candidate.substring(3));
                    } catch (IllegalArgumentException e) {
                        continue;
                    }
                    if (MessageDigest.isEqual(expected, given)) {
                        return null;
                    }
                }
            }
            return "no signature matches the secret(s) given";
        }

        static byte[] hmac(byte[] key, byte[] data) {
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(new SecretKeySpec(key, "HmacSHA256"));
                return mac.doFinal(data);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }

    // ------------------------------------------------------------------ answering

    /** The partner-actions commands. */
    static final class Actions {
        private final Args args;

        Actions(Args a) {
            this.args = a;
        }

        int run(String command) throws Exception {
            Api api = Api.from(args);
            return switch (command) {
                case "list" -> list(api);
                case "show" -> print(api.get("/partner-actions/" + id()));
                case "ack", "acknowledge" -> print(api.post("/partner-actions/" + id() + "/acknowledgement",
                        args.value("note", null) == null ? Json.object() : Json.object("note", args.value("note", null))));
                case "complete" -> print(api.post("/partner-actions/" + id() + "/completion", Json.object(
                        "performedAt", args.value("when", null),
                        "outcome", required("outcome"),
                        "recordCount", Long.parseLong(required("records")),
                        "reference", required("reference"),
                        "note", args.value("note", null))));
                case "dispute" -> print(api.post("/partner-actions/" + id() + "/dispute", Json.object(
                        "reason", required("reason"), "legalReference", args.value("legal-reference", null))));
                default -> 2;
            };
        }

        private int list(Api api) throws Exception {
            String status = args.value("status", "OPEN,ACKNOWLEDGED,OVERDUE");
            StringBuilder query = new StringBuilder("?limit=500");
            if (!status.equalsIgnoreCase("all")) {
                query.append("&status=").append(URLEncoder.encode(status, StandardCharsets.UTF_8));
            }
            if (args.value("pupil", null) != null) {
                query.append("&pupilId=").append(URLEncoder.encode(args.value("pupil", null), StandardCharsets.UTF_8));
            }
            String cursor = null;
            int shown = 0;
            do {
                Api.Reply reply = api.get("/partner-actions" + query
                        + (cursor == null ? "" : "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8)));
                if (!reply.ok()) {
                    return print(reply);
                }
                if (cursor == null) {
                    System.out.printf("%-36s  %-12s  %-10s  %-10s  %-4s  %s%n", "ACTION", "STATUS", "KIND", "DUE BY", "LATE", "PUPIL");
                }
                for (Object item : Json.list(reply.json(), "items")) {
                    System.out.printf("%-36s  %-12s  %-10s  %-10s  %-4s  %s%n", Json.text(item, "id"), Json.text(item, "status"),
                            Json.text(item, "kind"), Json.text(item, "dueBy"),
                            "true".equals(Json.text(item, "late")) ? "yes" : "", Json.text(item, "pupilId"));
                    shown++;
                }
                cursor = Json.text(reply.json(), "nextCursor");
            } while (cursor != null);
            System.out.println(shown + " action(s)" + (status.equalsIgnoreCase("all") ? "" : " with status " + status));
            return 0;
        }

        private String id() {
            String id = args.positional(1, null);
            if (id == null) {
                throw new IllegalArgumentException("give the action id (from the webhook's data.action.id or 'run.sh list')");
            }
            return id;
        }

        private String required(String name) {
            String value = args.value(name, null);
            if (value == null) {
                throw new IllegalArgumentException("--" + name + " is required");
            }
            return value;
        }

        private static int print(Api.Reply reply) {
            System.out.println(reply.summary());
            if (reply.body() != null && !reply.body().isBlank()) {
                System.out.println(reply.json() != null ? Json.pretty(reply.json()) : reply.body());
            }
            return reply.ok() ? 0 : 1;
        }
    }

    /** Calls to the Custodian API for one school with a partner token. */
    record Api(String base, String token, HttpClient http) {
        record Reply(int status, String body, Object json, boolean replayed) {
            boolean ok() {
                return status >= 200 && status < 300;
            }

            String summary() {
                if (ok()) {
                    return "HTTP " + status + (replayed ? " (the same answer was already recorded: nothing changed)" : "")
                            + (json == null ? "" : statusOf());
                }
                String detail = json == null ? body : Json.text(json, "detail");
                return "HTTP " + status + " " + (json == null ? "" : Json.text(json, "title") + ": ") + detail;
            }

            private String statusOf() {
                String s = Json.text(json, "status");
                return s == null ? "" : ": action " + Json.text(json, "id") + " is " + s;
            }
        }

        static Api from(Args a) {
            String api = a.value("api", env("CUSTODIAN_API", "http://localhost:8080"));
            String school = a.value("school", env("CUSTODIAN_SCHOOL", "100001"));
            String token = a.value("token", env("PARTNER_TOKEN", null));
            if (token == null || token.isBlank()) {
                throw new IllegalArgumentException("a partner token is needed: --token JWT, PARTNER_TOKEN, or run.sh --recipient ID"
                        + " (mints one with deploy/local/token.sh --role partner --school " + school + " --sub ID)");
            }
            return new Api(api.replaceAll("/+$", "") + "/api/v1/schools/" + school, token.trim(),
                    HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build());
        }

        Reply get(String path) throws IOException, InterruptedException {
            return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
        }

        Reply post(String path, String json) throws IOException, InterruptedException {
            return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json)));
        }

        private Reply send(HttpRequest.Builder request) throws IOException, InterruptedException {
            HttpResponse<String> response = http.send(request.header("Authorization", "Bearer " + token)
                    .header("Accept", "application/json, application/problem+json").timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            Object json = null;
            try {
                json = response.body().isBlank() ? null : Json.parse(response.body());
            } catch (RuntimeException notJson) {
                // shown as text
            }
            return new Reply(response.statusCode(), response.body(), json,
                    response.headers().firstValue("Idempotent-Replayed").map("true"::equals).orElse(false));
        }
    }

    // ------------------------------------------------------------------ small helpers

    static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    static String stamp() {
        return Instant.now().toString();
    }

    /** {@code --name value}, {@code --flag} and positional words. */
    static final class Args {
        private final List<String> positional = new ArrayList<>();
        private final Map<String, List<String>> options = new LinkedHashMap<>();
        private static final Set<String> FLAGS = new LinkedHashSet<>(List.of("quiet", "auto-ack", "help", "h"));

        Args(String[] args) {
            for (int i = 0; i < args.length; i++) {
                String arg = args[i];
                if (arg.startsWith("--") || (arg.startsWith("-") && arg.length() == 2)) {
                    String name = arg.replaceFirst("^-+", "");
                    String value = null;
                    int eq = name.indexOf('=');
                    if (eq >= 0) {
                        value = name.substring(eq + 1);
                        name = name.substring(0, eq);
                    } else if (!FLAGS.contains(name)) {
                        if (i + 1 >= args.length) {
                            throw new IllegalArgumentException("--" + name + " needs a value");
                        }
                        value = args[++i];
                    }
                    options.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
                } else {
                    positional.add(arg);
                }
            }
        }

        String positional(int i, String fallback) {
            return i < positional.size() ? positional.get(i) : fallback;
        }

        boolean flag(String name) {
            return options.containsKey(name);
        }

        String value(String name, String fallback) {
            List<String> values = options.get(name);
            return values == null || values.get(values.size() - 1) == null ? fallback : values.get(values.size() - 1);
        }

        List<String> all(String name) {
            return options.getOrDefault(name, List.of());
        }
    }

    /** Just enough JSON: parse to maps, lists, strings, numbers, booleans and null; print; build small objects. */
    static final class Json {
        private final String s;
        private int i;

        private Json(String s) {
            this.s = s;
        }

        static Object parse(String text) {
            Json p = new Json(text);
            p.space();
            Object value = p.value();
            p.space();
            if (p.i != p.s.length()) {
                throw new IllegalArgumentException("trailing characters at " + p.i);
            }
            return value;
        }

        /** A text value at a path of object keys, or null. */
        static String text(Object node, String... path) {
            Object at = node;
            for (String key : path) {
                if (!(at instanceof Map<?, ?> map)) {
                    return null;
                }
                at = map.get(key);
            }
            return at == null || at instanceof Map || at instanceof List ? null : String.valueOf(at);
        }

        static List<?> list(Object node, String key) {
            return node instanceof Map<?, ?> map && map.get(key) instanceof List<?> l ? l : List.of();
        }

        /** {@code {"k": v, ...}} from alternating keys and values; null values are left out. */
        static String object(Object... kv) {
            StringBuilder out = new StringBuilder("{");
            for (int k = 0; k < kv.length; k += 2) {
                if (kv[k + 1] == null) {
                    continue;
                }
                if (out.length() > 1) {
                    out.append(", ");
                }
                out.append(quote((String) kv[k])).append(": ")
                        .append(kv[k + 1] instanceof Number ? kv[k + 1].toString() : quote(kv[k + 1].toString()));
            }
            return out.append('}').toString();
        }

        static String pretty(Object value) {
            StringBuilder out = new StringBuilder();
            pretty(value, out, "");
            return out.toString();
        }

        private static void pretty(Object v, StringBuilder out, String indent) {
            if (v instanceof Map<?, ?> map) {
                if (map.isEmpty()) {
                    out.append("{}");
                    return;
                }
                out.append("{\n");
                int n = 0;
                for (Map.Entry<?, ?> e : map.entrySet()) {
                    out.append(indent).append("  ").append(quote(String.valueOf(e.getKey()))).append(": ");
                    pretty(e.getValue(), out, indent + "  ");
                    out.append(++n < map.size() ? ",\n" : "\n");
                }
                out.append(indent).append('}');
            } else if (v instanceof List<?> list) {
                if (list.isEmpty()) {
                    out.append("[]");
                    return;
                }
                out.append("[\n");
                for (int n = 0; n < list.size(); n++) {
                    out.append(indent).append("  ");
                    pretty(list.get(n), out, indent + "  ");
                    out.append(n + 1 < list.size() ? ",\n" : "\n");
                }
                out.append(indent).append(']');
            } else if (v instanceof String str) {
                out.append(quote(str));
            } else {
                out.append(v);
            }
        }

        static String quote(String text) {
            StringBuilder out = new StringBuilder("\"");
            for (char c : text.toCharArray()) {
                switch (c) {
                    case '"' -> out.append("\\\"");
                    case '\\' -> out.append("\\\\");
                    case '\n' -> out.append("\\n");
                    case '\r' -> out.append("\\r");
                    case '\t' -> out.append("\\t");
                    default -> {
                        if (c < 0x20) {
                            out.append(String.format("\\u%04x", (int) c));
                        } else {
                            out.append(c);
                        }
                    }
                }
            }
            return out.append('"').toString();
        }

        private Object value() {
            char c = peek();
            switch (c) {
                case '{':
                    return readObject();
                case '[':
                    return readArray();
                case '"':
                    return string();
                case 't':
                    expect("true");
                    return Boolean.TRUE;
                case 'f':
                    expect("false");
                    return Boolean.FALSE;
                case 'n':
                    expect("null");
                    return null;
                default:
                    return number();
            }
        }

        private Map<String, Object> readObject() {
            Map<String, Object> map = new LinkedHashMap<>();
            i++;
            space();
            if (peek() == '}') {
                i++;
                return map;
            }
            while (true) {
                space();
                String key = string();
                space();
                if (s.charAt(i++) != ':') {
                    throw new IllegalArgumentException("':' expected at " + (i - 1));
                }
                space();
                map.put(key, value());
                space();
                char c = s.charAt(i++);
                if (c == '}') {
                    return map;
                }
                if (c != ',') {
                    throw new IllegalArgumentException("',' or '}' expected at " + (i - 1));
                }
            }
        }

        private List<Object> readArray() {
            List<Object> list = new ArrayList<>();
            i++;
            space();
            if (peek() == ']') {
                i++;
                return list;
            }
            while (true) {
                space();
                list.add(value());
                space();
                char c = s.charAt(i++);
                if (c == ']') {
                    return list;
                }
                if (c != ',') {
                    throw new IllegalArgumentException("',' or ']' expected at " + (i - 1));
                }
            }
        }

        private String string() {
            if (s.charAt(i++) != '"') {
                throw new IllegalArgumentException("'\"' expected at " + (i - 1));
            }
            StringBuilder out = new StringBuilder();
            while (true) {
                char c = s.charAt(i++);
                if (c == '"') {
                    return out.toString();
                }
                if (c != '\\') {
                    out.append(c);
                    continue;
                }
                char e = s.charAt(i++);
                switch (e) {
                    case 'n' -> out.append('\n');
                    case 't' -> out.append('\t');
                    case 'r' -> out.append('\r');
                    case 'b' -> out.append('\b');
                    case 'f' -> out.append('\f');
                    case 'u' -> {
                        out.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
                        i += 4;
                    }
                    default -> out.append(e);
                }
            }
        }

        private Object number() {
            int start = i;
            while (i < s.length() && "+-0123456789.eE".indexOf(s.charAt(i)) >= 0) {
                i++;
            }
            String n = s.substring(start, i);
            if (n.isEmpty()) {
                throw new IllegalArgumentException("a value expected at " + start);
            }
            return n.contains(".") || n.contains("e") || n.contains("E") ? (Object) Double.parseDouble(n) : (Object) Long.parseLong(n);
        }

        private void expect(String word) {
            if (!s.startsWith(word, i)) {
                throw new IllegalArgumentException("'" + word + "' expected at " + i);
            }
            i += word.length();
        }

        private char peek() {
            if (i >= s.length()) {
                throw new IllegalArgumentException("unexpected end of JSON");
            }
            return s.charAt(i);
        }

        private void space() {
            while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
                i++;
            }
        }
    }

    static {
        // print UTF-8 whatever the terminal's default
        System.setOut(new PrintStream(System.out, true, StandardCharsets.UTF_8));
    }
}
