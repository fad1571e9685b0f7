package io.carbonx.node.demo.check;

import io.carbonx.chain.evidence.EvidenceVerifier;
import io.carbonx.chain.evidence.VerificationReport;
import io.carbonx.node.client.ApiResponse;
import io.carbonx.node.client.ClientException;
import io.carbonx.node.demo.Actor;
import io.carbonx.node.demo.Waits;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A court fetches the evidence bundle of a subject ({@code GET /api/v1/evidence/{kind}/{id}}, with its own token)
 * and verifies it offline with chain-anchor's {@link EvidenceVerifier} against the consortium root read from the
 * CA's files (not from the node). The bundle is kept in the output directory. If the node serves no evidence
 * endpoint (a 404 without a reason code: no such route), the check is SKIPPED with that reason; a subject not yet
 * anchored or time-stamped (409) is asked again until the bound.
 */
public final class EvidenceCheck {

    private final Actor court;
    private final X509Certificate root;
    private final Path dir;

    /**
     * @param court the court
     * @param root  the consortium root certificate
     * @param dir   where bundles are saved
     */
    public EvidenceCheck(Actor court, X509Certificate root, Path dir) {
        this.court = court;
        this.root = root;
        this.dir = dir;
    }

    /** Outcome of one bundle. */
    public record Outcome(CheckResult check, String file, int events, long height) {
    }

    /**
     * Fetches and verifies.
     *
     * @param kind the API's path segment ({@code trades}, {@code defaults}, {@code penalties}, ...)
     * @param noun what one subject is called ({@code trade}, {@code default}, {@code penalty})
     * @param id   the subject's id, null if the day produced none
     */
    public Outcome fetch(String kind, String noun, String id, Duration timeout) {
        String name = "evidence: " + noun + " " + id;
        if (id == null) {
            return new Outcome(CheckResult.failed("evidence: " + noun, "the day produced no " + noun + " to ask"
                    + " evidence for", List.of()), null, 0, 0);
        }
        String path = "/api/v1/evidence/" + kind + "/" + id;
        ApiResponse r = Waits.until("the evidence bundle of " + kind + " " + id, timeout, 1_000, () -> {
            ApiResponse a = court.get(path, "application/zip");
            return a.status() == 409 ? null : a;
        });
        if (r.status() == 404 && reason(r) == null) {
            return new Outcome(CheckResult.skipped(name, "the node serves no evidence endpoint (GET " + path
                    + " is not a route on this build: HTTP 404 without a reason code)"), null, 0, 0);
        }
        if (!r.ok()) {
            ClientException e = ClientException.fromResponse("fetching " + path, r);
            return new Outcome(CheckResult.failed(name, e.getMessage(), List.of(e.getMessage())), null, 0, 0);
        }
        Path file = dir.resolve(kind + "-" + id.replaceAll("[^A-Za-z0-9._-]", "_") + ".zip");
        try {
            Files.createDirectories(dir);
            Files.write(file, r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        VerificationReport report = new EvidenceVerifier().verify(r.body(), root);
        List<String> problems = new ArrayList<>();
        report.failures().forEach(c -> problems.add(String.valueOf(c)));
        CheckResult check = CheckResult.of(name, problems, r.body().length + " bytes fetched by the court, verified"
                + " offline against the consortium root: " + report.eventCount() + " event(s), inclusion proofs,"
                + " block headers up to height " + report.latestHeight() + ", commit certificates, time-stamps"
                + " (" + dir.getFileName().resolve(file.getFileName()) + ")", problems.size() + " verification"
                + " check(s) failed");
        return new Outcome(check, file.toString(), report.eventCount(), report.latestHeight());
    }

    private static String reason(ApiResponse r) {
        try {
            return r.json().getString("reasonCode");
        } catch (ClientException notJson) {
            return null;
        }
    }
}
