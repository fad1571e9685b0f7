package io.carbonx.chain.evidence;

import io.carbonx.chain.core.Digest;
import io.carbonx.chain.core.merkle.MerkleHash;
import io.carbonx.chain.core.merkle.MerkleVerifier;
import io.carbonx.events.RequestSignature;
import io.carbonx.events.Role;
import io.carbonx.registry.identity.SignatureVerifier;
import io.carbonx.registry.identity.ValidationResult;
import io.carbonx.schemas.EventCodec;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.avro.JsonSchemaFormatter;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecord;

/**
 * The per-event checks: its schema file is the contract's writer schema, its inclusion proof leads from
 * {@code SHA-256(0x00 ‖ event bytes)} to its block's Merkle root for the header's tree size, and every signed
 * request it carries is in the bundle byte for byte with its signature, signed by the participant it names under
 * a certificate valid (chain, expiry, revocation) at the time of the event's block.
 */
final class EventVerification {

    private static final Map<Long, String> SCHEMA_TEXTS = new java.util.concurrent.ConcurrentHashMap<>();
    private static final Set<Role> ANY_ROLE = Set.copyOf(EnumSet.allOf(Role.class));

    private final VerificationContext ctx;
    private final EventCodec codec;
    private final Set<String> checkedSchemas = new HashSet<>();
    /** The request signature checks started ahead ({@link #startSignatures()}), by request file. */
    private final Map<BundleContents.Request, RunAhead.Pending<Boolean>> signatures = new IdentityHashMap<>();
    private final Map<java.security.cert.X509Certificate, Instant[]> signerTimes = new HashMap<>();

    EventVerification(VerificationContext ctx, EventCodec codec) {
        this.ctx = ctx;
        this.codec = codec;
    }

    /** Every schema file is the contract's writer schema. */
    void schemas() {
        for (BundleContents.Event e : ctx.contents.events()) {
            schema(e.schemaPath(), e.bytes());
            for (BundleContents.Request r : e.requests()) {
                schema(BundlePaths.schema(r.record().getSchema().getFullName(), Arrays.copyOfRange(r.bytes(), 2, 10)),
                        r.bytes());
            }
        }
    }

    /** Every event's inclusion proof. */
    void inclusions() {
        for (BundleContents.Event e : ctx.contents.events()) {
            inclusion(e);
        }
    }

    /**
     * Starts every request file's signature check ahead ({@link RunAhead}): whether the signature verifies with its
     * signer certificate's key, a pure function of the bundle's bytes; {@link #requests()} takes each result where
     * it checks that signature, after the binding and certificate checks, as before.
     */
    void startSignatures() {
        for (BundleContents.Event e : ctx.contents.events()) {
            for (BundleContents.Request file : e.requests()) {
                signatures.put(file, ctx.runAhead.submit(
                        () -> ctx.verifier(file.signer()).verify(file.bytes(), file.signature())));
            }
        }
    }

    /** Every signed request (needs the trust); {@link #startSignatures()} must have run. */
    void requests() {
        for (BundleContents.Event e : ctx.contents.events()) {
            Instant at = ctx.blockTime(e.proof().height());
            for (BundleContents.Request r : e.requests()) {
                signerTimes.computeIfAbsent(r.signer(), c -> new Instant[] {at, at});
                Instant[] span = signerTimes.get(r.signer());
                span[0] = at.isBefore(span[0]) ? at : span[0];
                span[1] = at.isAfter(span[1]) ? at : span[1];
            }
        }
        for (BundleContents.Event e : ctx.contents.events()) {
            requests(e);
        }
    }

    /** The signer's certificate at {@code at}: one path validation over all its uses, per time only if that fails. */
    private ValidationResult signerValidity(java.security.cert.X509Certificate signer, Instant at) {
        Instant[] span = signerTimes.get(signer);
        ValidationResult over = ctx.validateOver(signer, ANY_ROLE, span[0], span[1]);
        return over.isValid() ? over : ctx.validate(signer, ANY_ROLE, at);
    }

    /** The schema text every bundle carries for a writer schema: Avro's pretty JSON and a final LF (memoised). */
    static String schemaText(Schema schema) {
        return schemaText(EventCodec.fingerprint(schema), schema);
    }

    /** {@link #schemaText(Schema)} when the caller already knows the schema's fingerprint (no re-computation). */
    private static String schemaText(long fingerprint, Schema schema) {
        return SCHEMA_TEXTS.computeIfAbsent(fingerprint, f -> new JsonSchemaFormatter(true).format(schema) + "\n");
    }

    private void schema(String path, byte[] record) {
        long fingerprint = EventCodec.fingerprintOf(record);
        Optional<Schema> known = codec.schemaFor(fingerprint);
        String text = ctx.contents.schemas().get(path);
        String name = "schema " + path;
        if (known.isEmpty() || !schemaText(fingerprint, known.get()).equals(text)) {
            ctx.checks.fail(name, VerificationFailure.SCHEMA_MISMATCH,
                    known.isEmpty() ? "no contract schema has fingerprint " + Long.toHexString(fingerprint)
                            : "the file differs from the contract's " + known.get().getFullName() + " schema");
        } else if (checkedSchemas.add(path)) {
            ctx.checks.pass(name, known.get().getFullName() + ", fingerprint " + String.format("%016x", fingerprint));
        }
    }

    private void inclusion(BundleContents.Event e) {
        ProofText p = e.proof();
        String name = "inclusion of event " + e.number() + " in block " + p.height();
        BundleContents.Header header = ctx.contents.headers().get(p.height());
        if (header == null) {
            ctx.checks.fail(name, VerificationFailure.INCLUSION_PROOF_INVALID, "the bundle has no header for block "
                    + p.height());
            return;
        }
        Digest root = Digest.of(EventFacts.bytes(header.header().getMerkleRoot()));
        Digest leaf = MerkleHash.leaf(e.bytes());
        if (p.proof().treeSize() != header.header().getTreeSize()) {
            ctx.checks.fail(name, VerificationFailure.INCLUSION_PROOF_INVALID, "proof is for a tree of "
                    + p.proof().treeSize() + " leaves, block " + p.height() + " has " + header.header().getTreeSize());
            return;
        }
        MerkleVerifier.Result r = MerkleVerifier.verifyInclusion(leaf, p.proof().leafIndex(), p.proof().treeSize(),
                p.proof().path(), root);
        ctx.checks.check(r == MerkleVerifier.Result.VALID, name, VerificationFailure.INCLUSION_PROOF_INVALID,
                "leaf " + leaf.hex() + " is leaf " + p.proof().leafIndex() + " of " + p.proof().treeSize()
                        + " under root " + root.hex(),
                r + ": the path from leaf " + leaf.hex() + " does not reach root " + root.hex());
    }

    private void requests(BundleContents.Event e) {
        List<EventFacts.SignedRequest> carried = EventFacts.signedRequests(e.record());
        String base = "signed requests of event " + e.number();
        if (carried.size() != e.requests().size()) {
            ctx.checks.fail(base, VerificationFailure.REQUEST_MISMATCH, "the event carries " + carried.size()
                    + " signed requests, the bundle has " + e.requests().size());
            return;
        }
        for (int i = 0; i < carried.size(); i++) {
            request(e, carried.get(i), e.requests().get(i));
        }
    }

    private void request(BundleContents.Event e, EventFacts.SignedRequest carried, BundleContents.Request file) {
        String name = "signed request " + file.k() + " of event " + e.number();
        RequestSignature sig = carried.signature();
        if (!Arrays.equals(carried.bytes(), file.bytes()) || !Arrays.equals(EventFacts.bytes(sig.getValue()), file.signature())
                || !file.signer().getSerialNumber().toString(16).equals(sig.getCertificateSerial())) {
            ctx.checks.fail(name, VerificationFailure.REQUEST_MISMATCH, "request bytes, signature or signer serial differ "
                    + "from what the event carries in " + carried.field());
            return;
        }
        Instant at = ctx.blockTime(e.proof().height());
        ValidationResult cert = signerValidity(file.signer(), at);
        if (!cert.isValid()) {
            ctx.checks.fail(name, VerificationFailure.SIGNER_CERTIFICATE_INVALID, "signer " + sig.getSignerId()
                    + "'s certificate " + sig.getCertificateSerial() + " at block time " + at + ": " + cert.status() + " "
                    + cert.detail());
            return;
        }
        SignatureVerifier verifier = ctx.verifier(file.signer());
        if (!cert.participantId().equals(sig.getSignerId())
                || !verifier.keyKind().signatureAlgorithm().equals(sig.getAlgorithm())
                || !signerNamedByRequest(file.record(), sig.getSignerId())) {
            ctx.checks.fail(name, VerificationFailure.REQUEST_MISMATCH, "the certificate names " + cert.participantId()
                    + " with " + verifier.keyKind().signatureAlgorithm() + ", the event says " + sig.getSignerId()
                    + " with " + sig.getAlgorithm() + ", or the request is for another chain or participant");
            return;
        }
        ctx.checks.check(signatures.get(file).get(), name,
                VerificationFailure.REQUEST_SIGNATURE_INVALID,
                file.record().getSchema().getName() + " signed by " + sig.getSignerId() + " (" + cert.role() + ", "
                        + sig.getAlgorithm() + ", certificate " + sig.getCertificateSerial() + " valid at " + at + ")",
                "the signature does not verify with " + sig.getSignerId() + "'s key");
    }

    /** The request is for this chain and names the signer as its participant (or as one party of an agreement). */
    private boolean signerNamedByRequest(SpecificRecord request, String signer) {
        Optional<String> chain = EventFacts.string(request, "chainId");
        if (chain.isPresent() && !chain.get().equals(ctx.contents.info().chainId())) {
            return false;
        }
        Optional<String> participant = EventFacts.string(request, "participantId");
        if (participant.isPresent()) {
            return participant.get().equals(signer);
        }
        return EventFacts.string(request, "buyerId").filter(signer::equals).isPresent()
                || EventFacts.string(request, "sellerId").filter(signer::equals).isPresent();
    }
}
