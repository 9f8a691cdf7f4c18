// Load generator for any AgentOS-compatible server.
//
// Single-file Java 21+ program, no dependencies:  java LoadGen.java --help
//
// Agentry's copy of ../shared/bench/LoadGen.java, with one addition: --team ID drives POST {url}/teams/{ID}/runs
// instead (the team's own events are prefixed "Team": TeamRunContent, TeamRunCompleted, TeamRunError), and
// --workflow ID drives POST {url}/workflows/{ID}/runs (its steps' agents stream RunContent; it ends with
// WorkflowCompleted or WorkflowError). --url takes a comma list of base URLs (several instances of one server on one
// database): requests go to them round-robin. --store-pid names the database server's main process (PostgreSQL's
// postmaster): its CPU time, its children's included, is reported beside the server's as the store's share.
// Workloads (all against POST {url}/agents/{agent}/runs, multipart/form-data):
//   nonstream  message=...&stream=false, new session per request (no session_id sent),
//              closed loop at each concurrency for --duration seconds (after --warmup seconds).
//   stream     same with stream=true; the whole SSE body is read; reports time to first SSE
//              event, time to first RunContent event and total time.
//   growth     --growth-runs sequential non-streaming runs in ONE session_id; latency per block.
//   memory     --memory-sessions new sessions (one non-streaming run each) at
//              --memory-concurrency; server RSS (VmRSS of --pid, summed over a comma list)
//              before and after.
//   smoke      one non-streaming and one streaming run; prints status and the SSE event names.
//
// A request counts as OK only if: HTTP 200 and (non-streaming) the JSON body has
// "status":"COMPLETED"; (streaming) an `event: RunCompleted` arrived and no `event: RunError`.
// Everything else (exception, timeout, other status, other body) counts as an error.
//
// With --pid, server CPU time (utime+stime from /proc/<pid>/stat) is sampled around every
// phase and reported as CPU ms per successful request; RSS (VmRSS) is sampled after every phase.
// "other CPU %" = machine busy time (/proc/stat) minus server and load-generator CPU, in % of one
// cpu: anything else running on the box. Before each phase the program waits (--quiet-wait) until
// that is below --quiet-threshold, and repeats a closed-loop row that was disturbed (--retries).

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

public class LoadGen {

    // ---------------------------------------------------------------- options
    static String url = "http://127.0.0.1:7777";
    /** The base URLs requests go to, round-robin (--url a,b,...); the first is {@link #url}. */
    static List<String> urls = List.of(url);
    static final AtomicInteger nextUrl = new AtomicInteger();
    /** The database server's main process(es): CPU of each and of its child processes (--store-pid). */
    static List<Long> storePids = List.of();
    static String agent = "bench-agent";
    /** "agents" or "teams": the route family runs are sent to; "Team" prefixes a team's own events. */
    static String family = "agents";
    static String eventPrefix = "";
    /** The stream's final event names: a workflow ends with WorkflowCompleted or WorkflowError. */
    static String completedEvent = "RunCompleted", errorEvent = "RunError";
    static String message = "What is 2 + 3? Use the add tool.";
    static List<Long> pids = List.of();
    static List<String> workloads = List.of("memory", "nonstream", "stream", "growth");
    static int[] concurrencies = {1, 8, 32};
    static int durationS = 20;
    static int warmupS = 3;
    static int growthRuns = 500;
    static int growthBlock = 50;
    static int memorySessions = 2000;
    static int memoryConcurrency = 8;
    static int memoryWarmupRuns = 200;
    static int memorySettleS = 3;
    static int timeoutS = 120;
    static String jsonOut = null;
    static String label = "server";
    static double quietThreshold = 10; // % of one cpu used by other processes
    static int quietWaitS = 300;       // max wait for a quiet machine before each phase (0 = off)
    static int retries = 2;            // re-runs of a closed-loop row that was disturbed

    static final Pattern COMPLETED = Pattern.compile("\"status\"\\s*:\\s*\"COMPLETED\"");
    static HttpClient client;
    static long clkTck = 100;

    // ---------------------------------------------------------------- results
    record Sample(boolean ok, long startNs, long totalNs, long firstEventNs, long firstContentNs, int events,
            String err) {}

    static final class Phase {
        String workload;
        int concurrency;
        double seconds;
        int ok, err;
        double rps;
        long[] lat = new long[0], ttfe = new long[0], ttfc = new long[0];
        double serverCpuS = Double.NaN, loadgenCpuS = Double.NaN, machineBusyS = Double.NaN, storeCpuS = Double.NaN;
        long rssAfterKb = -1;
        Map<String, Integer> errors = new LinkedHashMap<>();
    }

    static final List<Phase> phases = new ArrayList<>();
    static final Map<String, Object> growth = new LinkedHashMap<>();
    static final Map<String, Object> memory = new LinkedHashMap<>();
    static final List<String> rssTrail = new ArrayList<>();

    // ---------------------------------------------------------------- main
    public static void main(String[] args) throws Exception {
        parseArgs(args);
        client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10))
                .executor(Executors.newVirtualThreadPerTaskExecutor())
                .build();
        clkTck = readClkTck();
        System.out.printf(Locale.ROOT, "# LoadGen target=%s agent=%s pids=%s store pids=%s workloads=%s conc=%s duration=%ds warmup=%ds%n",
                String.join(",", urls), agent, pids, storePids, workloads, Arrays.toString(concurrencies), durationS, warmupS);
        System.out.printf(Locale.ROOT, "# java %s, %d cpus, started %s%n", System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors(), Instant.now());
        noteRss("start");

        for (String w : workloads) {
            long t0 = System.nanoTime();
            switch (w) {
                case "smoke" -> smoke();
                case "nonstream" -> { for (int c : concurrencies) closedLoop("nonstream", false, c); }
                case "stream" -> { for (int c : concurrencies) closedLoop("stream", true, c); }
                case "growth" -> growth();
                case "memory" -> memory();
                default -> throw new IllegalArgumentException("unknown workload " + w);
            }
            System.out.printf(Locale.ROOT, "# workload %s took %.1f s%n", w, (System.nanoTime() - t0) / 1e9);
        }
        printReport();
        if (jsonOut != null) {
            Files.writeString(Path.of(jsonOut), toJson());
            System.out.println("# wrote " + Path.of(jsonOut).getFileName());
        }
        System.exit(0);
    }

    // ---------------------------------------------------------------- requests
    static String newBoundary() {
        return "----loadgen" + UUID.randomUUID().toString().replace("-", "");
    }

    static HttpRequest runRequest(boolean stream, String sessionId) {
        String b = newBoundary();
        StringBuilder sb = new StringBuilder();
        part(sb, b, "message", message);
        part(sb, b, "stream", stream ? "true" : "false");
        if (sessionId != null) part(sb, b, "session_id", sessionId);
        sb.append("--").append(b).append("--\r\n");
        String base = urls.get(Math.floorMod(nextUrl.getAndIncrement(), urls.size()));
        return HttpRequest.newBuilder(URI.create(base + "/" + family + "/" + agent + "/runs"))
                .timeout(Duration.ofSeconds(timeoutS))
                .header("Content-Type", "multipart/form-data; boundary=" + b)
                .header("Accept", stream ? "text/event-stream" : "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(sb.toString(), StandardCharsets.UTF_8))
                .build();
    }

    static void part(StringBuilder sb, String boundary, String name, String value) {
        sb.append("--").append(boundary).append("\r\n")
                .append("Content-Disposition: form-data; name=\"").append(name).append("\"\r\n\r\n")
                .append(value).append("\r\n");
    }

    static Sample runOnce(boolean stream, String sessionId) {
        long t0 = System.nanoTime();
        try {
            if (!stream) {
                HttpResponse<String> r = client.send(runRequest(false, sessionId), HttpResponse.BodyHandlers.ofString());
                long t = System.nanoTime() - t0;
                if (r.statusCode() != 200) return new Sample(false, t0, t, -1, -1, 0, "HTTP " + r.statusCode() + ": " + clip(r.body()));
                if (!COMPLETED.matcher(r.body()).find()) return new Sample(false, t0, t, -1, -1, 0, "no status COMPLETED: " + clip(r.body()));
                return new Sample(true, t0, t, -1, -1, 0, null);
            }
            HttpResponse<InputStream> r = client.send(runRequest(true, sessionId), HttpResponse.BodyHandlers.ofInputStream());
            if (r.statusCode() != 200) {
                String body;
                try (InputStream in = r.body()) { body = new String(in.readAllBytes(), StandardCharsets.UTF_8); }
                return new Sample(false, t0, System.nanoTime() - t0, -1, -1, 0, "HTTP " + r.statusCode() + ": " + clip(body));
            }
            long firstEvent = -1, firstContent = -1;
            int events = 0;
            boolean completed = false;
            String runError = null;
            try (BufferedReader rd = new BufferedReader(new InputStreamReader(r.body(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = rd.readLine()) != null) {
                    if (line.startsWith("event:")) {
                        long now = System.nanoTime() - t0;
                        if (firstEvent < 0) firstEvent = now;
                        events++;
                        String ev = line.substring(6).trim();
                        if (firstContent < 0 && ev.equals(eventPrefix + "RunContent")) firstContent = now;
                        if (ev.equals(eventPrefix + completedEvent)) completed = true;
                        if (ev.equals(eventPrefix + errorEvent)) runError = "RunError";
                    } else if (line.startsWith("data:")) {
                        if (firstEvent < 0) firstEvent = System.nanoTime() - t0; // data-only SSE
                        if ("RunError".equals(runError)) runError = "RunError " + clip(line);
                    }
                }
            }
            long t = System.nanoTime() - t0;
            if (runError != null) return new Sample(false, t0, t, firstEvent, firstContent, events, runError);
            if (!completed) return new Sample(false, t0, t, firstEvent, firstContent, events, "stream ended without RunCompleted (" + events + " events)");
            return new Sample(true, t0, t, firstEvent, firstContent, events, null);
        } catch (Exception e) {
            return new Sample(false, t0, System.nanoTime() - t0, -1, -1, 0, e.getClass().getSimpleName() + ": " + clip(String.valueOf(e.getMessage())));
        }
    }

    static String clip(String s) {
        if (s == null) return "";
        s = s.replaceAll("\\s+", " ");
        return s.length() > 160 ? s.substring(0, 160) + "…" : s;
    }

    // ---------------------------------------------------------------- workloads
    static void closedLoop(String name, boolean stream, int conc) throws Exception {
        for (int attempt = 0; ; attempt++) {
            Phase p = closedLoopOnce(name, stream, conc);
            double other = otherCpu(p);
            if (Double.isNaN(other) || other <= quietThreshold || attempt >= retries) {
                phases.add(p);
                return;
            }
            System.out.printf(Locale.ROOT, "    (other processes used %.0f%% cpu during this row: repeating it)%n", other);
        }
    }

    /** Waits until processes other than the server and this program use <= quietThreshold % cpu. */
    static void waitQuiet(String what) throws InterruptedException {
        if (quietWaitS <= 0 || Double.isNaN(machineBusyS())) return;
        long t0 = System.nanoTime();
        boolean said = false;
        while (true) {
            double m0 = machineBusyS(), s0 = serverCpuS(), l0 = loadgenCpuS(), d0 = storeCpuS();
            Thread.sleep(2000);
            double s = (Double.isNaN(s0) ? 0 : serverCpuS() - s0) + (Double.isNaN(d0) ? 0 : storeCpuS() - d0);
            double other = (machineBusyS() - m0 - s - (loadgenCpuS() - l0)) * 100 / 2.0;
            if (other <= quietThreshold) {
                if (said) System.out.printf(Locale.ROOT, "    (quiet after %.0f s)%n", (System.nanoTime() - t0) / 1e9);
                return;
            }
            if ((System.nanoTime() - t0) / 1e9 > quietWaitS) {
                System.out.printf(Locale.ROOT, "    WARNING: machine still busy (other processes %.0f%% cpu) after %d s; running %s anyway%n", other, quietWaitS, what);
                return;
            }
            if (!said) {
                System.out.printf(Locale.ROOT, "    (other processes use %.0f%% cpu; waiting up to %d s for a quiet machine before %s)%n", other, quietWaitS, what);
                said = true;
            }
        }
    }

    static Phase closedLoopOnce(String name, boolean stream, int conc) throws Exception {
        waitQuiet(name + " c=" + conc);
        if (warmupS > 0) runFor(stream, conc, warmupS);
        double cpu0 = serverCpuS(), lg0 = loadgenCpuS(), m0 = machineBusyS(), st0 = storeCpuS();
        long t0 = System.nanoTime();
        List<Sample> samples = runFor(stream, conc, durationS);
        double secs = (System.nanoTime() - t0) / 1e9;
        Phase p = summarize(name, conc, secs, samples);
        p.serverCpuS = serverCpuS() - cpu0;
        p.storeCpuS = storeCpuS() - st0;
        p.loadgenCpuS = loadgenCpuS() - lg0;
        p.machineBusyS = machineBusyS() - m0;
        p.rssAfterKb = rssKb("VmRSS");
        noteRss(name + " c=" + conc);
        System.out.printf(Locale.ROOT, "%-9s c=%-3d ok=%-6d err=%-4d %7.1f req/s  p50=%7.1f p90=%7.1f p99=%7.1f ms%s%s%n",
                name, conc, p.ok, p.err, p.rps, ms(pct(p.lat, 50)), ms(pct(p.lat, 90)), ms(pct(p.lat, 99)),
                stream ? String.format(Locale.ROOT, "  ttfe p50=%.1f ttfc p50=%.1f ms", ms(pct(p.ttfe, 50)), ms(pct(p.ttfc, 50))) : "",
                Double.isNaN(p.storeCpuS) ? "" : String.format(Locale.ROOT, "  server cpu %.1f s, store cpu %.1f s (%s of both)",
                        p.serverCpuS, p.storeCpuS, storeShare(p)));
        p.errors.forEach((k, v) -> System.out.println("    error x" + v + ": " + k));
        return p;
    }

    /** Closed loop: conc virtual threads, each sends its next request as soon as the last one ends. */
    static List<Sample> runFor(boolean stream, int conc, int seconds) throws Exception {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        List<Sample> all = Collections.synchronizedList(new ArrayList<>());
        try (ExecutorService ex = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < conc; i++) {
                ex.submit(() -> {
                    List<Sample> mine = new ArrayList<>();
                    while (System.nanoTime() < deadline) mine.add(runOnce(stream, null));
                    all.addAll(mine);
                });
            }
        }
        return all;
    }

    static void growth() throws InterruptedException {
        waitQuiet("growth");
        String sid = "bench-growth-" + UUID.randomUUID();
        long[] lat = new long[growthRuns];
        int errs = 0;
        Map<String, Integer> errors = new LinkedHashMap<>();
        double cpu0 = serverCpuS(), lg0 = loadgenCpuS(), m0 = machineBusyS();
        long t0 = System.nanoTime();
        for (int i = 0; i < growthRuns; i++) {
            Sample s = runOnce(false, sid);
            lat[i] = s.totalNs();
            if (!s.ok()) { errs++; errors.merge(s.err(), 1, Integer::sum); }
        }
        double secs = (System.nanoTime() - t0) / 1e9;
        double cpu = serverCpuS() - cpu0;
        double other = machineBusyS() - m0 - cpu - (loadgenCpuS() - lg0);
        noteRss("growth");
        List<Map<String, Object>> blocks = new ArrayList<>();
        System.out.printf(Locale.ROOT, "growth: %d sequential runs in session %s, %.1f s, errors=%d%n", growthRuns, sid, secs, errs);
        for (int b = 0; b < growthRuns; b += growthBlock) {
            long[] blk = Arrays.copyOfRange(lat, b, Math.min(growthRuns, b + growthBlock));
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("runs", (b + 1) + "-" + (b + blk.length));
            m.put("mean_ms", ms(mean(blk)));
            m.put("p50_ms", ms(pct(sorted(blk), 50)));
            m.put("p90_ms", ms(pct(sorted(blk), 90)));
            m.put("max_ms", ms(pct(sorted(blk), 100)));
            blocks.add(m);
            System.out.printf(Locale.ROOT, "  runs %-9s mean=%7.1f p50=%7.1f p90=%7.1f max=%7.1f ms%n", m.get("runs"),
                    m.get("mean_ms"), m.get("p50_ms"), m.get("p90_ms"), m.get("max_ms"));
        }
        errors.forEach((k, v) -> System.out.println("    error x" + v + ": " + k));
        growth.put("session_id", sid);
        growth.put("runs", growthRuns);
        growth.put("seconds", secs);
        growth.put("errors", errs);
        growth.put("server_cpu_ms_per_run", Double.isNaN(cpu) ? null : cpu * 1000 / growthRuns);
        growth.put("other_cpu_pct", Double.isNaN(other) ? null : Math.max(0, other) * 100 / secs);
        growth.put("blocks", blocks);
        growth.put("error_samples", errors);
    }

    static void memory() throws Exception {
        System.out.printf(Locale.ROOT, "memory: warm-up %d runs, then %d new sessions at c=%d%n", memoryWarmupRuns, memorySessions, memoryConcurrency);
        waitQuiet("memory");
        int warmErr = runCount(memoryWarmupRuns, memoryConcurrency).err;
        Thread.sleep(memorySettleS * 1000L);
        long before = rssKb("VmRSS");
        noteRss("memory before");
        long t0 = System.nanoTime();
        double s0 = serverCpuS(), l0 = loadgenCpuS(), m0 = machineBusyS();
        Phase p = runCount(memorySessions, memoryConcurrency);
        double secs = (System.nanoTime() - t0) / 1e9;
        double mOther = (machineBusyS() - m0 - (serverCpuS() - s0) - (loadgenCpuS() - l0)) * 100 / secs;
        memory.put("other_cpu_pct", Double.isNaN(mOther) ? null : Math.max(0, mOther));
        Thread.sleep(memorySettleS * 1000L);
        long after = rssKb("VmRSS");
        noteRss("memory after");
        memory.put("warmup_runs", memoryWarmupRuns);
        memory.put("warmup_errors", warmErr);
        memory.put("sessions", memorySessions);
        memory.put("concurrency", memoryConcurrency);
        memory.put("seconds", secs);
        memory.put("ok", p.ok);
        memory.put("errors", p.err);
        memory.put("rss_before_kb", before);
        memory.put("rss_after_kb", after);
        memory.put("rss_delta_kb", before < 0 ? null : after - before);
        memory.put("rss_delta_per_session_kb", before < 0 ? null : (after - before) / (double) memorySessions);
        memory.put("hwm_after_kb", rssKb("VmHWM"));
        memory.put("error_samples", p.errors);
        System.out.printf(Locale.ROOT, "memory: %d sessions in %.1f s (%.1f runs/s), errors=%d, RSS %s -> %s KiB%n",
                memorySessions, secs, p.ok / secs, p.err, before, after);
        p.errors.forEach((k, v) -> System.out.println("    error x" + v + ": " + k));
    }

    /** Exactly n non-streaming runs (new session each) spread over conc virtual threads. */
    static Phase runCount(int n, int conc) throws Exception {
        AtomicInteger next = new AtomicInteger();
        List<Sample> all = Collections.synchronizedList(new ArrayList<>());
        long t0 = System.nanoTime();
        try (ExecutorService ex = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < conc; i++) {
                ex.submit(() -> {
                    while (next.getAndIncrement() < n) all.add(runOnce(false, null));
                });
            }
        }
        return summarize("count", conc, (System.nanoTime() - t0) / 1e9, all);
    }

    static void smoke() {
        Sample a = runOnce(false, null);
        System.out.println("smoke nonstream: ok=" + a.ok() + " " + ms(a.totalNs()) + " ms " + (a.err() == null ? "" : a.err()));
        try {
            HttpResponse<String> r = client.send(runRequest(true, null), HttpResponse.BodyHandlers.ofString());
            List<String> evs = new ArrayList<>();
            for (String line : r.body().split("\n")) if (line.startsWith("event:")) evs.add(line.substring(6).trim());
            System.out.println("smoke stream: HTTP " + r.statusCode() + " " + evs.size() + " events: " + String.join(" ", evs));
        } catch (Exception e) {
            System.out.println("smoke stream: " + e);
        }
    }

    // ---------------------------------------------------------------- stats
    static Phase summarize(String name, int conc, double secs, List<Sample> samples) {
        Phase p = new Phase();
        p.workload = name;
        p.concurrency = conc;
        p.seconds = secs;
        List<Long> lat = new ArrayList<>(), ttfe = new ArrayList<>(), ttfc = new ArrayList<>();
        synchronized (samples) {
            for (Sample s : samples) {
                if (s.ok()) {
                    p.ok++;
                    lat.add(s.totalNs());
                    if (s.firstEventNs() >= 0) ttfe.add(s.firstEventNs());
                    if (s.firstContentNs() >= 0) ttfc.add(s.firstContentNs());
                } else {
                    p.err++;
                    p.errors.merge(s.err(), 1, Integer::sum);
                }
            }
        }
        p.rps = p.ok / secs;
        p.lat = sorted(lat.stream().mapToLong(Long::longValue).toArray());
        p.ttfe = sorted(ttfe.stream().mapToLong(Long::longValue).toArray());
        p.ttfc = sorted(ttfc.stream().mapToLong(Long::longValue).toArray());
        return p;
    }

    static long[] sorted(long[] a) {
        long[] c = a.clone();
        Arrays.sort(c);
        return c;
    }

    /** Nearest-rank percentile of a sorted array; -1 if empty. */
    static long pct(long[] s, double p) {
        if (s.length == 0) return -1;
        int i = (int) Math.ceil(p / 100.0 * s.length) - 1;
        return s[Math.max(0, Math.min(s.length - 1, i))];
    }

    static long mean(long[] a) {
        if (a.length == 0) return -1;
        long sum = 0;
        for (long v : a) sum += v;
        return sum / a.length;
    }

    static double ms(long ns) {
        return ns < 0 ? Double.NaN : Math.round(ns / 1e4) / 100.0;
    }

    // ---------------------------------------------------------------- /proc
    static long readClkTck() {
        try {
            Process pr = new ProcessBuilder("getconf", "CLK_TCK").redirectErrorStream(true).start();
            String s = new String(pr.getInputStream().readAllBytes()).trim();
            pr.waitFor();
            return Long.parseLong(s);
        } catch (Exception e) {
            return 100;
        }
    }

    /** Sum of a /proc/<pid>/status field (kB) over all pids; -1 without pids or on error. */
    static long rssKb(String field) {
        if (pids.isEmpty()) return -1;
        long sum = 0;
        for (long pid : pids) {
            try {
                for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                    if (line.startsWith(field + ":")) sum += Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            } catch (IOException e) {
                return -1;
            }
        }
        return sum;
    }

    /** Server CPU seconds (utime+stime, all threads) summed over pids; NaN without pids. */
    static double serverCpuS() {
        if (pids.isEmpty()) return Double.NaN;
        long ticks = 0;
        for (long pid : pids) {
            try {
                String st = Files.readString(Path.of("/proc/" + pid + "/stat"));
                String[] f = st.substring(st.lastIndexOf(')') + 2).split(" ");
                ticks += Long.parseLong(f[11]) + Long.parseLong(f[12]); // fields 14, 15 of stat
            } catch (IOException e) {
                return Double.NaN;
            }
        }
        return ticks / (double) clkTck;
    }

    /**
     * CPU seconds of the database server: each --store-pid process, its children alive now (PostgreSQL's backends,
     * one per connection) and those it has reaped (cutime+cstime); NaN without store pids.
     */
    static double storeCpuS() {
        if (storePids.isEmpty()) return Double.NaN;
        long ticks = 0;
        for (long pid : storePids) {
            long[] own = statTicks(pid);
            if (own == null) return Double.NaN;
            ticks += own[0] + own[1] + own[2] + own[3];
        }
        try (var procs = Files.list(Path.of("/proc"))) {
            for (Path proc : procs.toList()) {
                String name = proc.getFileName().toString();
                if (!name.chars().allMatch(Character::isDigit)) continue;
                long[] child = statTicks(Long.parseLong(name));
                if (child != null && storePids.contains(child[4])) ticks += child[0] + child[1];
            }
        } catch (IOException e) {
            return Double.NaN;
        }
        return ticks / (double) clkTck;
    }

    /** utime, stime, cutime, cstime and the parent pid of a process from /proc/<pid>/stat; null if it is gone. */
    static long[] statTicks(long pid) {
        try {
            String st = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] f = st.substring(st.lastIndexOf(')') + 2).split(" ");
            return new long[] {Long.parseLong(f[11]), Long.parseLong(f[12]), Long.parseLong(f[13]), Long.parseLong(f[14]),
                    Long.parseLong(f[1])};
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** The store's CPU in % of the server's and the store's together. */
    static String storeShare(Phase p) {
        if (Double.isNaN(p.storeCpuS) || Double.isNaN(p.serverCpuS) || p.serverCpuS + p.storeCpuS <= 0) return "–";
        return String.format(Locale.ROOT, "%.0f%%", p.storeCpuS * 100 / (p.serverCpuS + p.storeCpuS));
    }

    /** Busy CPU seconds of the whole machine (all cpus) from /proc/stat; NaN if unreadable. */
    static double machineBusyS() {
        try {
            String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long busy = 0; // user nice system idle iowait irq softirq steal ...: count all but idle+iowait
            for (int i = 1; i < f.length && i <= 8; i++) if (i != 4 && i != 5) busy += Long.parseLong(f[i]);
            return busy / (double) clkTck;
        } catch (Exception e) {
            return Double.NaN;
        }
    }

    /** CPU used by processes other than the server and this load generator, in % of one cpu. */
    static double otherCpu(Phase p) {
        if (Double.isNaN(p.machineBusyS) || Double.isNaN(p.serverCpuS) || Double.isNaN(p.loadgenCpuS)) return Double.NaN;
        double store = Double.isNaN(p.storeCpuS) ? 0 : p.storeCpuS;
        return Math.max(0, p.machineBusyS - p.serverCpuS - store - p.loadgenCpuS) * 100 / p.seconds;
    }

    static String otherCpuPct(Phase p) {
        double o = otherCpu(p);
        return Double.isNaN(o) ? "–" : String.format(Locale.ROOT, "%.0f%s", o, o > quietThreshold ? " (!)" : "");
    }

    static double loadgenCpuS() {
        return ProcessHandle.current().info().totalCpuDuration().map(d -> d.toNanos() / 1e9).orElse(Double.NaN);
    }

    static void noteRss(String when) {
        long kb = rssKb("VmRSS");
        if (kb >= 0) rssTrail.add(when + "=" + kb / 1024 + "MiB");
    }

    // ---------------------------------------------------------------- report
    static void printReport() {
        System.out.println();
        System.out.println("## " + label + " — throughput / latency (closed loop, " + durationS + " s per row after " + warmupS + " s warm-up)");
        System.out.println();
        System.out.println("| workload | conc | ok | err | req/s | p50 ms | p90 ms | p99 ms | max ms | TTFE p50/p90/p99 ms | TTFC p50 ms | server CPU ms/req | server CPU % | store CPU ms/req | store share % | loadgen CPU ms/req | other CPU % | RSS after MiB |");
        System.out.println("|---|---:|---:|---:|---:|---:|---:|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        for (Phase p : phases) {
            boolean st = p.workload.equals("stream");
            System.out.printf(Locale.ROOT, "| %s | %d | %d | %d | %.1f | %.1f | %.1f | %.1f | %.1f | %s | %s | %s | %s | %s | %s | %s | %s | %s |%n",
                    p.workload, p.concurrency, p.ok, p.err, p.rps, ms(pct(p.lat, 50)), ms(pct(p.lat, 90)),
                    ms(pct(p.lat, 99)), ms(pct(p.lat, 100)),
                    st ? String.format(Locale.ROOT, "%.1f / %.1f / %.1f", ms(pct(p.ttfe, 50)), ms(pct(p.ttfe, 90)), ms(pct(p.ttfe, 99))) : "–",
                    st ? String.format(Locale.ROOT, "%.1f", ms(pct(p.ttfc, 50))) : "–",
                    Double.isNaN(p.serverCpuS) || p.ok == 0 ? "–" : String.format(Locale.ROOT, "%.2f", p.serverCpuS * 1000 / p.ok),
                    Double.isNaN(p.serverCpuS) ? "–" : String.format(Locale.ROOT, "%.0f", p.serverCpuS * 100 / p.seconds),
                    Double.isNaN(p.storeCpuS) || p.ok == 0 ? "–" : String.format(Locale.ROOT, "%.2f", p.storeCpuS * 1000 / p.ok),
                    storeShare(p),
                    Double.isNaN(p.loadgenCpuS) || p.ok == 0 ? "–" : String.format(Locale.ROOT, "%.2f", p.loadgenCpuS * 1000 / p.ok),
                    otherCpuPct(p),
                    p.rssAfterKb < 0 ? "–" : String.valueOf(p.rssAfterKb / 1024));
        }
        if (!growth.isEmpty()) {
            System.out.println();
            System.out.println("## " + label + " — session growth (" + growth.get("runs") + " sequential non-streaming runs, one session)");
            System.out.println();
            System.out.println("| runs | mean ms | p50 ms | p90 ms | max ms |");
            System.out.println("|---|---:|---:|---:|---:|");
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> blocks = (List<Map<String, Object>>) growth.get("blocks");
            for (Map<String, Object> b : blocks)
                System.out.printf(Locale.ROOT, "| %s | %.1f | %.1f | %.1f | %.1f |%n", b.get("runs"), b.get("mean_ms"), b.get("p50_ms"), b.get("p90_ms"), b.get("max_ms"));
            if (blocks.size() >= 2) {
                double first = (Double) blocks.get(0).get("p50_ms"), last = (Double) blocks.get(blocks.size() - 1).get("p50_ms");
                System.out.printf(Locale.ROOT, "%nlast/first block p50 ratio: %.2fx; total %.1f s; errors: %s; server CPU ms/run (all runs): %s; other CPU %%: %s%n",
                        last / first, growth.get("seconds"), growth.get("errors"), fmt(growth.get("server_cpu_ms_per_run")), fmt(growth.get("other_cpu_pct")));
            }
        }
        if (!memory.isEmpty()) {
            System.out.println();
            System.out.println("## " + label + " — idle-session memory");
            System.out.println();
            System.out.printf(Locale.ROOT, "| sessions | ok | err | runs/s | RSS before MiB | RSS after MiB | delta MiB | KiB/session | VmHWM MiB | other CPU %% |%n|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|%n");
            long b = (Long) memory.get("rss_before_kb"), a = (Long) memory.get("rss_after_kb"), h = (Long) memory.get("hwm_after_kb");
            System.out.printf(Locale.ROOT, "| %d | %d | %d | %.1f | %s | %s | %s | %s | %s | %s |%n", memorySessions, memory.get("ok"), memory.get("errors"),
                    ((Integer) memory.get("ok")) / (Double) memory.get("seconds"),
                    b < 0 ? "–" : String.format(Locale.ROOT, "%.1f", b / 1024.0), a < 0 ? "–" : String.format(Locale.ROOT, "%.1f", a / 1024.0),
                    b < 0 ? "–" : String.format(Locale.ROOT, "%.1f", (a - b) / 1024.0), b < 0 ? "–" : String.format(Locale.ROOT, "%.2f", (a - b) / (double) memorySessions),
                    h < 0 ? "–" : String.format(Locale.ROOT, "%.1f", h / 1024.0), fmt(memory.get("other_cpu_pct")));
        }
        if (!rssTrail.isEmpty()) System.out.println("\nRSS trail: " + String.join(", ", rssTrail));
    }

    static String fmt(Object o) {
        return o instanceof Double d ? String.format(Locale.ROOT, "%.2f", d) : String.valueOf(o);
    }

    static String toJson() {
        StringBuilder sb = new StringBuilder("{\n");
        sb.append("  \"label\": ").append(js(label)).append(",\n");
        sb.append("  \"url\": ").append(js(url)).append(",\n");
        sb.append("  \"timestamp\": ").append(js(Instant.now().toString())).append(",\n");
        sb.append("  \"duration_s\": ").append(durationS).append(", \"warmup_s\": ").append(warmupS).append(",\n");
        sb.append("  \"phases\": [\n");
        for (int i = 0; i < phases.size(); i++) {
            Phase p = phases.get(i);
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("workload", p.workload);
            m.put("concurrency", p.concurrency);
            m.put("seconds", p.seconds);
            m.put("ok", p.ok);
            m.put("errors", p.err);
            m.put("rps", p.rps);
            for (double q : new double[] {50, 90, 99, 100}) m.put("lat_p" + (int) q + "_ms", ms(pct(p.lat, q)));
            if (p.workload.equals("stream")) {
                for (double q : new double[] {50, 90, 99}) m.put("ttfe_p" + (int) q + "_ms", ms(pct(p.ttfe, q)));
                for (double q : new double[] {50, 90, 99}) m.put("ttfc_p" + (int) q + "_ms", ms(pct(p.ttfc, q)));
            }
            m.put("server_cpu_s", Double.isNaN(p.serverCpuS) ? null : p.serverCpuS);
            m.put("store_cpu_s", Double.isNaN(p.storeCpuS) ? null : p.storeCpuS);
            m.put("loadgen_cpu_s", Double.isNaN(p.loadgenCpuS) ? null : p.loadgenCpuS);
            m.put("machine_busy_cpu_s", Double.isNaN(p.machineBusyS) ? null : p.machineBusyS);
            m.put("rss_after_kb", p.rssAfterKb < 0 ? null : p.rssAfterKb);
            m.put("error_samples", p.errors);
            sb.append("    ").append(jv(m)).append(i + 1 < phases.size() ? ",\n" : "\n");
        }
        sb.append("  ],\n");
        sb.append("  \"growth\": ").append(jv(growth)).append(",\n");
        sb.append("  \"memory\": ").append(jv(memory)).append(",\n");
        sb.append("  \"rss_trail\": ").append(jv(rssTrail)).append("\n}\n");
        return sb.toString();
    }

    static String jv(Object o) {
        if (o == null) return "null";
        if (o instanceof String s) return js(s);
        if (o instanceof Double d) return d.isNaN() || d.isInfinite() ? "null" : String.format(Locale.ROOT, "%.4f", d);
        if (o instanceof Number || o instanceof Boolean) return o.toString();
        if (o instanceof Map<?, ?> m) {
            StringBuilder sb = new StringBuilder("{");
            boolean first = true;
            for (Map.Entry<?, ?> e : m.entrySet()) {
                if (!first) sb.append(", ");
                first = false;
                sb.append(js(String.valueOf(e.getKey()))).append(": ").append(jv(e.getValue()));
            }
            return sb.append("}").toString();
        }
        if (o instanceof List<?> l) {
            StringBuilder sb = new StringBuilder("[");
            for (int i = 0; i < l.size(); i++) sb.append(i > 0 ? ", " : "").append(jv(l.get(i)));
            return sb.append("]").toString();
        }
        return js(o.toString());
    }

    static String js(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> { if (c < 0x20) sb.append(String.format("\\u%04x", (int) c)); else sb.append(c); }
            }
        }
        return sb.append('"').toString();
    }

    // ---------------------------------------------------------------- args
    static void parseArgs(String[] a) {
        for (int i = 0; i < a.length; i++) {
            String k = a[i];
            if (k.equals("--help") || k.equals("-h")) { usage(); System.exit(0); }
            if (i + 1 >= a.length) { usage(); throw new IllegalArgumentException("missing value for " + k); }
            String v = a[++i];
            switch (k) {
                case "--url" -> {
                    urls = Arrays.stream(v.split(",")).map(String::trim).filter(u -> !u.isEmpty())
                            .map(u -> u.endsWith("/") ? u.substring(0, u.length() - 1) : u).toList();
                    url = urls.get(0);
                }
                case "--store-pid" -> storePids = Arrays.stream(v.split(",")).filter(x -> !x.isBlank()).map(x -> Long.parseLong(x.trim())).toList();
                case "--agent" -> agent = v;
                case "--team" -> { agent = v; family = "teams"; eventPrefix = "Team"; }
                case "--workflow" -> { agent = v; family = "workflows"; completedEvent = "WorkflowCompleted"; errorEvent = "WorkflowError"; }
                case "--message" -> message = v;
                case "--pid" -> pids = Arrays.stream(v.split(",")).filter(s -> !s.isBlank()).map(s -> Long.parseLong(s.trim())).toList();
                case "--workloads" -> workloads = Arrays.stream(v.split(",")).map(String::trim).toList();
                case "--concurrency" -> concurrencies = Arrays.stream(v.split(",")).mapToInt(s -> Integer.parseInt(s.trim())).toArray();
                case "--duration" -> durationS = Integer.parseInt(v);
                case "--warmup" -> warmupS = Integer.parseInt(v);
                case "--growth-runs" -> growthRuns = Integer.parseInt(v);
                case "--growth-block" -> growthBlock = Integer.parseInt(v);
                case "--memory-sessions" -> memorySessions = Integer.parseInt(v);
                case "--memory-concurrency" -> memoryConcurrency = Integer.parseInt(v);
                case "--memory-warmup-runs" -> memoryWarmupRuns = Integer.parseInt(v);
                case "--memory-settle" -> memorySettleS = Integer.parseInt(v);
                case "--timeout" -> timeoutS = Integer.parseInt(v);
                case "--json" -> jsonOut = v;
                case "--label" -> label = v;
                case "--quiet-threshold" -> quietThreshold = Double.parseDouble(v);
                case "--quiet-wait" -> quietWaitS = Integer.parseInt(v);
                case "--retries" -> retries = Integer.parseInt(v);
                default -> { usage(); throw new IllegalArgumentException("unknown option " + k); }
            }
        }
    }

    static void usage() {
        System.out.println("""
                java LoadGen.java [options]
                  --url URL[,URL...]        server base URL(s), requests round-robin over them (default http://127.0.0.1:7777)
                  --agent ID                agent id (default bench-agent)
                  --team ID                 run this team instead of an agent
                  --workflow ID             run this workflow instead of an agent
                  --message TEXT            run input (default "What is 2 + 3? Use the add tool.")
                  --pid PID[,PID...]        server process id(s) for RSS and CPU sampling (sum)
                  --store-pid PID[,PID...]  database server process(es), e.g. PostgreSQL's postmaster: CPU of it and
                                            its children, reported as the store's share of server + store CPU
                  --workloads LIST          of smoke,memory,nonstream,stream,growth (default memory,nonstream,stream,growth)
                  --concurrency LIST        closed-loop concurrencies (default 1,8,32)
                  --duration S              measured seconds per concurrency (default 20)
                  --warmup S                unmeasured seconds before each (default 3)
                  --growth-runs N           sequential runs in one session (default 500)
                  --growth-block N          report block size (default 50)
                  --memory-sessions N       sessions created for the memory workload (default 2000)
                  --memory-concurrency N    (default 8)
                  --memory-warmup-runs N    runs before the 'before' RSS sample (default 200)
                  --memory-settle S         pause before each RSS sample (default 3)
                  --timeout S               per-request timeout (default 120)
                  --json FILE               also write results as JSON
                  --label NAME              name used in the report headings (default server)
                  --quiet-threshold PCT     cpu (% of one cpu) other processes may use (default 10)
                  --quiet-wait S            before each phase wait up to S s for that (default 300, 0 = off)
                  --retries N               repeat a closed-loop row disturbed by other processes (default 2)
                """);
    }
}
