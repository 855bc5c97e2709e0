import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The bench's own driver (JDK only, run by bench/run.sh): a constant-rate load generator that measures latency from
 * each request's intended start (so a slow answer delays no later measurement: no coordinated omission), the data
 * generator that goes through the API (roster syncs, decisions, holdings), and the propagation measurement with a
 * local webhook receiver. Every command prints one JSON object on stdout.
 */
public class BenchTool {

    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).executor(Executors.newFixedThreadPool(4)).build();
    static final List<String> PURPOSES = List.of("PHOTO_DISPLAY", "PHOTO_WEBSITE", "PHOTO_SOCIAL_MEDIA", "PHOTO_PRESS",
            "VIDEO_PERFORMANCES", "BIOMETRIC_CATERING", "RESEARCH", "EDTECH_APPS");

    public static void main(String[] a) throws Exception {
        switch (a[0]) {
            // rate URL METHOD BODYFILE|- TOKEN RPS WARMUP_S SECONDS
            case "rate" -> System.out.println(rate(a[1], a[2], a[3].equals("-") ? null : Files.readString(Path.of(a[3])), a[4],
                    Double.parseDouble(a[5]), Integer.parseInt(a[6]), Integer.parseInt(a[7])));
            // roster BASE URN FROM COUNT BATCH TOKEN: pupils P<n> with one guardian each, in batches; prints the time
            case "roster" -> System.out.println(roster(a[1], a[2], Integer.parseInt(a[3]), Integer.parseInt(a[4]),
                    Integer.parseInt(a[5]), a[6]));
            // decisions BASE URN FROM COUNT PURPOSE DECISION TOKEN CONCURRENCY
            case "decisions" -> System.out.println(decisions(a[1], a[2], Integer.parseInt(a[3]), Integer.parseInt(a[4]), a[5],
                    a[6], a[7], Integer.parseInt(a[8])));
            // holdings BASE URN PUPILS COUNT TOKEN
            case "holdings" -> System.out.println(holdings(a[1], a[2], Integer.parseInt(a[3]), Integer.parseInt(a[4]), a[5]));
            // bodies DIR PUPILS: writes check-1.json, check-matrix.json, sharing-<recipient>.json is written by setup
            case "bodies" -> bodies(Path.of(a[1]), Integer.parseInt(a[2]));
            // sharing-setup BASE URN DPO_TOKEN RECEIVER_PORT: recipient, consent agreement, webhook endpoint; prints ids
            case "sharing-setup" -> System.out.println(sharingSetup(a[1], a[2], a[3], Integer.parseInt(a[4])));
            // propagation CONSENT_BASE SHARING_BASE URN RECIPIENT MIS STAFF FROM COUNT RPS RECEIVER_PORT
            case "propagation" -> System.out.println(propagation(a[1], a[2], a[3], a[4], a[5], a[6], Integer.parseInt(a[7]),
                    Integer.parseInt(a[8]), Double.parseDouble(a[9]), Integer.parseInt(a[10])));
            default -> throw new IllegalArgumentException("unknown command " + a[0]);
        }
        System.exit(0);
    }

    static String pupil(int n) {
        return String.format("P%06d", n);
    }

    static HttpRequest.Builder req(String url, String token) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(120))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json");
        return b;
    }

    static HttpResponse<String> send(String method, String url, String token, String body) throws Exception {
        HttpRequest r = req(url, token).method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body)).build();
        return HTTP.send(r, HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> expect(int status, String method, String url, String token, String body) throws Exception {
        HttpResponse<String> r = send(method, url, token, body);
        if (r.statusCode() != status) {
            throw new IllegalStateException(method + " " + url + " answered " + r.statusCode() + ": "
                    + r.body().substring(0, Math.min(400, r.body().length())));
        }
        return r;
    }

    // ---- constant-rate load ----------------------------------------------------------------------------------------

    static String rate(String url, String method, String body, String token, double rps, int warmup, int seconds) throws Exception {
        run(url, method, body, token, rps, warmup);
        return run(url, method, body, token, rps, seconds);
    }

    /** Sends at a fixed rate whatever the answers do; each latency counts from when the request was due. */
    static String run(String url, String method, String body, String token, double rps, int seconds) throws Exception {
        int total = (int) Math.max(1, Math.round(rps * seconds));
        long[] latencies = new long[total];
        AtomicInteger errors = new AtomicInteger();
        CountDownLatch done = new CountDownLatch(total);
        HttpRequest request = req(url, token).timeout(Duration.ofSeconds(30)).method(method, body == null
                ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body)).build();
        long start = System.nanoTime();
        long interval = (long) (1e9 / rps);
        for (int i = 0; i < total; i++) {
            long due = start + i * interval;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            int n = i;
            HTTP.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((r, e) -> {
                latencies[n] = System.nanoTime() - due;
                if (e != null || r.statusCode() >= 300) {
                    errors.incrementAndGet();
                }
                done.countDown();
            });
        }
        done.await();
        double elapsed = (System.nanoTime() - start) / 1e9;
        Arrays.sort(latencies);
        return String.format(java.util.Locale.ROOT,
                "{\"rps\":%.1f,\"seconds\":%d,\"count\":%d,\"errors\":%d,\"achievedRps\":%.1f,\"p50Ms\":%.3f,\"p99Ms\":%.3f,\"p999Ms\":%.3f,\"maxMs\":%.3f}",
                rps, seconds, total, errors.get(), total / elapsed, pct(latencies, 50), pct(latencies, 99), pct(latencies, 99.9),
                latencies[total - 1] / 1e6);
    }

    static double pct(long[] sorted, double p) {
        int i = (int) Math.ceil(p / 100 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1e6;
    }

    static double pctD(List<Double> values, double p) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        List<Double> s = values.stream().sorted().toList();
        int i = (int) Math.ceil(p / 100 * s.size()) - 1;
        return s.get(Math.max(0, Math.min(s.size() - 1, i)));
    }

    // ---- data through the API --------------------------------------------------------------------------------------

    static String roster(String base, String urn, int from, int count, int batch, String token) throws Exception {
        long start = System.nanoTime();
        List<Double> batchMs = new ArrayList<>();
        LocalDate born = LocalDate.of(2016, 1, 1);
        for (int b = from; b < from + count; b += batch) {
            StringBuilder pupils = new StringBuilder();
            StringBuilder guardians = new StringBuilder();
            for (int n = b; n < Math.min(from + count, b + batch); n++) {
                LocalDate dob = born.plusDays(n % 1400);
                if (pupils.length() > 0) {
                    pupils.append(',');
                    guardians.append(',');
                }
                pupils.append("{\"pupilId\":\"").append(pupil(n)).append("\",\"givenName\":\"Given").append(n)
                        .append("\",\"familyName\":\"Family").append(n).append("\",\"dateOfBirth\":\"").append(dob)
                        .append("\",\"yearGroup\":").append(n % 7).append(",\"admissionDate\":\"").append(dob.plusYears(4)).append("\"}");
                guardians.append("{\"guardianId\":\"G").append(pupil(n)).append("\",\"name\":\"Guardian ").append(n)
                        .append("\",\"children\":[{\"pupilId\":\"").append(pupil(n))
                        .append("\",\"parentalResponsibility\":true,\"relationship\":\"MOTHER\"}]}");
            }
            long t = System.nanoTime();
            expect(200, "POST", base + "/api/v1/schools/" + urn + "/roster-sync", token,
                    "{\"pupils\":[" + pupils + "],\"guardians\":[" + guardians + "]}");
            batchMs.add((System.nanoTime() - t) / 1e6);
        }
        // the time the service took: the sum of the calls (building the bodies here is left out)
        double ms = batchMs.stream().mapToDouble(d -> d).sum();
        return String.format(java.util.Locale.ROOT, "{\"pupils\":%d,\"batch\":%d,\"batches\":%d,\"totalMs\":%.1f,\"pupilsPerSecond\":%.1f,\"maxBatchMs\":%.1f,\"wallMs\":%.1f}",
                count, batch, batchMs.size(), ms, count / (ms / 1000), batchMs.stream().mapToDouble(d -> d).max().orElse(0),
                (System.nanoTime() - start) / 1e6);
    }

    static String decisions(String base, String urn, int from, int count, String purpose, String decision, String token,
                            int concurrency) throws Exception {
        Semaphore inFlight = new Semaphore(concurrency);
        AtomicInteger failed = new AtomicInteger();
        Map<Integer, String> firstError = new ConcurrentHashMap<>();
        long start = System.nanoTime();
        for (int n = from; n < from + count; n++) {
            inFlight.acquire();
            String body = "{\"purpose\":\"" + purpose + "\",\"decision\":\"" + decision + "\",\"givenBy\":{\"type\":\"GUARDIAN\",\"guardianId\":\"G"
                    + pupil(n) + "\"},\"method\":\"MIS_IMPORT\",\"evidenceRef\":\"bench\"}";
            HTTP.sendAsync(req(base + "/api/v1/schools/" + urn + "/pupils/" + pupil(n) + "/consents", token)
                            .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString())
                    .whenComplete((r, e) -> {
                        if (e != null || r.statusCode() != 201) {
                            failed.incrementAndGet();
                            firstError.putIfAbsent(0, e != null ? e.toString() : r.statusCode() + " " + r.body());
                        }
                        inFlight.release();
                    });
        }
        inFlight.acquire(concurrency);
        if (failed.get() > 0) {
            throw new IllegalStateException(failed.get() + " decisions failed, e.g. " + firstError.get(0));
        }
        double ms = (System.nanoTime() - start) / 1e6;
        return String.format(java.util.Locale.ROOT, "{\"decisions\":%d,\"totalMs\":%.1f}", count, ms);
    }

    static final String[] CLASSES = {"ABSENCE_CORRESPONDENCE", "ACCIDENT_BOOK", "FREE_SCHOOL_MEALS", "PHOTOGRAPHS_AND_RECORDINGS",
            "PUPIL_RECORD_PRIMARY", "SEN_FILES", "ADMISSION_ATTENDANCE_REGISTERS"};

    static String holdings(String base, String urn, int pupils, int count, String token) throws Exception {
        long start = System.nanoTime();
        for (int b = 0; b < count; b += 10_000) {
            StringBuilder sb = new StringBuilder("{\"holdings\":[");
            for (int i = b; i < Math.min(count, b + 10_000); i++) {
                if (i > b) {
                    sb.append(',');
                }
                String cls = CLASSES[i % CLASSES.length];
                sb.append("{\"recordClass\":\"").append(cls).append("\",\"pupilId\":\"").append(pupil(i % pupils))
                        .append("\",\"system\":\"BENCH\",\"reference\":\"H-").append(i).append("\",\"createdOn\":\"")
                        .append(LocalDate.of(2012, 1, 1).plusDays(i % 4000)).append("\"}");
            }
            expect(200, "POST", base + "/api/v1/schools/" + urn + "/holdings", token, sb.append("]}").toString());
        }
        return String.format(java.util.Locale.ROOT, "{\"holdings\":%d,\"totalMs\":%.1f}", count, (System.nanoTime() - start) / 1e6);
    }

    static String idsJson(int from, int count) {
        return java.util.stream.IntStream.range(from, from + count).mapToObj(n -> "\"" + pupil(n) + "\"")
                .collect(Collectors.joining(",", "[", "]"));
    }

    static void bodies(Path dir, int pupils) throws IOException {
        String purposes = PURPOSES.stream().map(p -> "\"" + p + "\"").collect(Collectors.joining(",", "[", "]"));
        Files.writeString(dir.resolve("check-1.json"), "{\"pupils\":[\"" + pupil(1) + "\"],\"purposes\":[\"PHOTO_PRESS\"]}");
        Files.writeString(dir.resolve("check-matrix.json"), "{\"pupils\":" + idsJson(0, pupils) + ",\"purposes\":" + purposes + "}");
        // the same arrays as SQL literals, for pgbench
        Files.writeString(dir.resolve("pupils.sqlarray"), java.util.stream.IntStream.range(0, pupils)
                .mapToObj(BenchTool::pupil).collect(Collectors.joining(",", "{", "}")));
        Files.writeString(dir.resolve("purposes.sqlarray"), String.join(",", PURPOSES).transform(s -> "{" + s + "}"));
    }

    static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*\"([^\"]+)\"").matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("no " + name + " in " + json);
        }
        return m.group(1);
    }

    static String sharingSetup(String base, String urn, String dpo, int receiverPort) throws Exception {
        String school = base + "/api/v1/schools/" + urn;
        String stamp = Long.toString(System.currentTimeMillis());
        String recipient = field(expect(201, "POST", school + "/recipients", dpo,
                "{\"name\":\"Bench partner " + stamp + "\",\"kind\":\"CONTROLLER\",\"country\":\"GB\",\"description\":\"bench/run.sh\"}").body(), "id");
        expect(201, "POST", school + "/agreements", dpo, "{\"recipientId\":\"" + recipient + "\",\"name\":\"Bench press photos\","
                + "\"purposes\":[\"press-photos\"],\"dataCategories\":[\"PHOTOGRAPHS\"],\"lawfulBasis\":\"CONSENT\","
                + "\"consentPurpose\":\"PHOTO_PRESS\",\"validFrom\":\"2000-01-01\"}");
        String created = expect(201, "POST", school + "/recipients/" + recipient + "/webhook-endpoints", dpo,
                "{\"url\":\"http://127.0.0.1:" + receiverPort + "/hook\",\"eventTypes\":[\"consent.withdrawn\"],\"description\":\"bench receiver\"}").body();
        return "{\"recipientId\":\"" + recipient + "\",\"endpointCreated\":" + created.contains("whsec_") + "}";
    }

    static String sharingBody(String recipient, List<String> pupils) {
        return "{\"recipientId\":\"" + recipient + "\",\"pupilIds\":" + pupils.stream().map(p -> "\"" + p + "\"")
                .collect(Collectors.joining(",", "[", "]")) + ",\"dataCategories\":[\"PHOTOGRAPHS\"],\"purpose\":\"press-photos\",\"reason\":\"bench\"}";
    }

    static final Pattern DECISION = Pattern.compile("\"pupilId\":\"([^\"]+)\",\"outcome\":\"([A-Z_]+)\"");

    static Map<String, String> outcomes(String json) {
        Map<String, String> m = new java.util.HashMap<>();
        Matcher x = DECISION.matcher(json);
        while (x.find()) {
            m.put(x.group(1), x.group(2));
        }
        return m;
    }

    /**
     * Withdraws PHOTO_PRESS for COUNT pupils at a fixed rate through consent-service, and for each one times from its
     * committed withdrawal (the 201) to the first sharing check that refuses the pupil and to the partner webhook
     * arriving at a receiver on this machine. The pupils must hold a grant that sharing-service knows of; they are
     * disclosed to the recipient first, so that it is one the withdrawal must be told to.
     */
    static String propagation(String consent, String sharing, String urn, String recipient, String mis, String staff,
                              int from, int count, double rps, int port) throws Exception {
        Map<String, Long> hookAt = new ConcurrentHashMap<>();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 64);
        Pattern pupilRef = Pattern.compile("\"pupilId\"\\s*:\\s*\"([^\"]+)\"");
        server.createContext("/hook", ex -> {
            long now = System.nanoTime();
            try (InputStream in = ex.getRequestBody()) {
                Matcher m = pupilRef.matcher(new String(in.readAllBytes(), StandardCharsets.UTF_8));
                while (m.find()) {
                    hookAt.putIfAbsent(m.group(1), now);
                }
            }
            ex.sendResponseHeaders(204, -1);
            ex.close();
        });
        server.setExecutor(Executors.newFixedThreadPool(2));
        server.start();
        String school = sharing + "/api/v1/schools/" + urn;
        List<String> pupils = java.util.stream.IntStream.range(from, from + count).mapToObj(BenchTool::pupil).toList();
        // wait until sharing-service allows them all (it learns grants from Kafka), then disclose them to the partner
        long deadline = System.nanoTime() + 180_000_000_000L;
        while (true) {
            Map<String, String> o = outcomes(expect(200, "POST", school + "/sharing-checks", staff, sharingBody(recipient, pupils)).body());
            long allowed = o.values().stream().filter("ALLOWED"::equals).count();
            if (allowed == count) {
                break;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("sharing-service allows only " + allowed + " of " + count + " pupils after 180 s");
            }
            Thread.sleep(200);
        }
        expect(200, "POST", school + "/disclosures", staff, sharingBody(recipient, pupils));
        Thread.sleep(1000);
        hookAt.clear();

        Map<String, Long> committedAt = new ConcurrentHashMap<>();
        Map<String, Long> refusedAt = new ConcurrentHashMap<>();
        AtomicInteger failed = new AtomicInteger();
        Thread poller = new Thread(() -> {
            while (refusedAt.size() < count && !Thread.currentThread().isInterrupted()) {
                List<String> pending = committedAt.keySet().stream().filter(p -> !refusedAt.containsKey(p)).toList();
                if (!pending.isEmpty()) {
                    try {
                        String body = send("POST", school + "/sharing-checks", staff, sharingBody(recipient, pending)).body();
                        long now = System.nanoTime();
                        outcomes(body).forEach((p, outcome) -> {
                            if (outcome.equals("REFUSED")) {
                                refusedAt.putIfAbsent(p, now);
                            }
                        });
                    } catch (Exception e) {
                        // try again
                    }
                }
                LockSupport.parkNanos(5_000_000);
            }
        });
        poller.start();
        long interval = (long) (1e9 / rps);
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            long wait = start + i * interval - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            String p = pupils.get(i);
            String body = "{\"purpose\":\"PHOTO_PRESS\",\"decision\":\"WITHDRAWN\",\"givenBy\":{\"type\":\"GUARDIAN\",\"guardianId\":\"G"
                    + p + "\"},\"method\":\"MIS_IMPORT\"}";
            HTTP.sendAsync(req(consent + "/api/v1/schools/" + urn + "/pupils/" + p + "/consents", mis)
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.discarding())
                    .whenComplete((r, e) -> {
                        if (e == null && r.statusCode() == 201) {
                            committedAt.put(p, System.nanoTime());
                        } else {
                            failed.incrementAndGet();
                        }
                    });
        }
        deadline = System.nanoTime() + 60_000_000_000L;
        while ((refusedAt.size() + failed.get() < count || hookAt.size() + failed.get() < count) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        poller.interrupt();
        server.stop(0);
        List<Double> decision = new ArrayList<>();
        List<Double> hook = new ArrayList<>();
        committedAt.forEach((p, t) -> {
            Long r = refusedAt.get(p);
            if (r != null) {
                decision.add(Math.max(0, r - t) / 1e6);
            }
            Long h = hookAt.get(p);
            if (h != null) {
                hook.add(Math.max(0, h - t) / 1e6);
            }
        });
        return String.format(java.util.Locale.ROOT,
                "{\"withdrawals\":%d,\"failed\":%d,\"rps\":%.1f,\"decisionSeen\":%d,\"decisionP50Ms\":%.1f,\"decisionP99Ms\":%.1f,\"decisionMaxMs\":%.1f,"
                        + "\"webhooksSeen\":%d,\"webhookP50Ms\":%.1f,\"webhookP99Ms\":%.1f,\"webhookMaxMs\":%.1f}",
                count, failed.get(), rps, decision.size(), pctD(decision, 50), pctD(decision, 99), pctD(decision, 100),
                hook.size(), pctD(hook, 50), pctD(hook, 99), pctD(hook, 100));
    }
}
