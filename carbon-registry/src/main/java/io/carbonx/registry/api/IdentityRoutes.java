package io.carbonx.registry.api;

import io.carbonx.commands.ApproveRegistration;
import io.carbonx.commands.RegisterParticipant;
import io.carbonx.commands.RejectRegistration;
import io.carbonx.commands.RevokeCertificate;
import io.carbonx.events.EventEnvelope;
import io.carbonx.events.Role;
import io.carbonx.registry.api.auth.Access;
import io.carbonx.registry.api.auth.ApiSecurity;
import io.carbonx.registry.identity.CertificateRevokedRecord;
import io.carbonx.registry.identity.IdentityRegistry;
import io.carbonx.registry.identity.ParticipantRegisteredRecord;
import io.carbonx.registry.identity.RegistrationSubmittedRecord;
import io.carbonx.registry.identity.pki.Pem;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Identity endpoints: registration with a CSR (open: anyone may ask), the regulator's approval, rejection and
 * revocation, the participant list and the CA certificates.
 */
public final class IdentityRoutes {
    private static final String ANONYMOUS = "anonymous";

    private IdentityRoutes() {
    }

    /**
     * @param api       shared route support
     * @param caCerts   root then issuing CA certificate (served at {@code /api/v1/ca})
     */
    public static void mount(ApiSupport api, List<X509Certificate> caCerts) {
        api.routes().post("/api/v1/registrations", Access.open(), ctx -> register(api, ctx));
        api.routes().get("/api/v1/registrations", Access.roles(Role.REGULATOR), ctx -> ApiSupport.okItems(ctx,
                api.reads().read(v -> pending(v.identities()))));
        api.routes().post("/api/v1/registrations/:participantId/approve", Access.roles(Role.REGULATOR), ctx ->
                api.commands().submit(ctx, ApproveRegistration.newBuilder()
                        .setEnvelope(envelope(api, ctx, "ApproveRegistration"))
                        .setParticipantId(ctx.pathParam("participantId")).build()));
        api.routes().post("/api/v1/registrations/:participantId/reject", Access.roles(Role.REGULATOR), ctx -> {
            try {
                String reason = JsonBodies.of(ctx).optionalString("reason", "");
                api.commands().submit(ctx, RejectRegistration.newBuilder()
                        .setEnvelope(envelope(api, ctx, "RejectRegistration"))
                        .setParticipantId(ctx.pathParam("participantId")).setReason(reason).build());
            } catch (JsonBodies.Invalid answered) {
                // 400 sent
            }
        });
        api.routes().post("/api/v1/participants/:participantId/revoke", Access.roles(Role.REGULATOR), ctx -> {
            try {
                String reason = JsonBodies.of(ctx).optionalString("reason", "UNSPECIFIED");
                api.commands().submit(ctx, RevokeCertificate.newBuilder()
                        .setEnvelope(envelope(api, ctx, "RevokeCertificate"))
                        .setParticipantId(ctx.pathParam("participantId")).setRevocationReason(reason).build());
            } catch (JsonBodies.Invalid answered) {
                // 400 sent
            }
        });
        api.routes().get("/api/v1/participants", Access.anyParticipant(), ctx -> ApiSupport.okItems(ctx,
                api.reads().read(v -> participants(v.identities()))));
        api.routes().get("/api/v1/participants/:participantId", Access.anyParticipant(), ctx -> {
            Optional<JsonObject> p = api.reads().read(v -> v.identities().participant(ctx.pathParam("participantId"))
                    .map(r -> participant(v.identities(), r)));
            if (p.isPresent()) {
                ApiSupport.ok(ctx, p.get());
            } else {
                Problems.send(ctx, 404, "UNKNOWN_PARTICIPANT", "no participant " + ctx.pathParam("participantId"));
            }
        });
        JsonObject ca = new JsonObject().put("rootCertificatePem", Pem.encode(Pem.CERTIFICATE,
                der(caCerts.get(0)))).put("issuingCertificatePem", Pem.encode(Pem.CERTIFICATE, der(caCerts.get(1))));
        api.routes().get("/api/v1/ca", Access.open(), ctx -> ApiSupport.ok(ctx, ca));
    }

    private static void register(ApiSupport api, RoutingContext ctx) {
        try {
            JsonBodies body = JsonBodies.of(ctx);
            String legalName = body.string("legalName");
            Role role = body.enumValue("role", Role.class);
            byte[] csr = csrDer(ctx, body.string("csr"));
            if (csr == null) {
                return;
            }
            api.commands().submit(ctx, RegisterParticipant.newBuilder()
                    .setEnvelope(api.commands().envelope("RegisterParticipant", ANONYMOUS))
                    .setLegalName(legalName).setRole(role).setCsrDer(ByteBuffer.wrap(csr)).build());
        } catch (JsonBodies.Invalid answered) {
            // 400 sent
        }
    }

    /** PEM text or base64 DER → DER; null after answering 400 MALFORMED_CSR. */
    private static byte[] csrDer(RoutingContext ctx, String text) {
        if (text.strip().startsWith("-----BEGIN")) {
            try {
                return Pem.decodeSingle(text, Set.of(Pem.CERTIFICATE_REQUEST, Pem.NEW_CERTIFICATE_REQUEST));
            } catch (IOException e) {
                Problems.send(ctx, 400, "MALFORMED_CSR", e.getMessage());
                return null;
            }
        }
        Optional<byte[]> der = JsonBodies.decodeBase64(text);
        if (der.isEmpty()) {
            Problems.send(ctx, 400, "MALFORMED_CSR", "csr is neither PEM nor base64 DER");
            return null;
        }
        return der.get();
    }

    private static EventEnvelope envelope(ApiSupport api, RoutingContext ctx, String type) {
        return api.commands().envelope(type, ApiSecurity.principal(ctx).participantId());
    }

    private static JsonArray pending(IdentityRegistry identities) {
        JsonArray out = new JsonArray();
        for (RegistrationSubmittedRecord r : identities.pendingRegistrations()) {
            out.add(new JsonObject().put("participantId", r.participantId()).put("legalName", r.legalName())
                    .put("role", r.role().name()).put("submittedAtMs", r.submittedAt().toEpochMilli())
                    .put("csrPem", Pem.encode(Pem.CERTIFICATE_REQUEST, r.csrDer())));
        }
        return out;
    }

    private static JsonArray participants(IdentityRegistry identities) {
        JsonArray out = new JsonArray();
        identities.participants().forEach(p -> out.add(participant(identities, p)));
        return out;
    }

    private static JsonObject participant(IdentityRegistry identities, ParticipantRegisteredRecord p) {
        Optional<CertificateRevokedRecord> revoked = identities.revocation(p.participantId());
        return new JsonObject().put("participantId", p.participantId()).put("legalName", p.legalName())
                .put("role", p.role().name()).put("certificateSerial", p.serialHex())
                .put("validFromMs", p.notBefore().toEpochMilli()).put("validToMs", p.notAfter().toEpochMilli())
                .put("approvedBy", p.approvedBy()).put("registeredAtMs", p.registeredAt().toEpochMilli())
                .put("revoked", revoked.isPresent())
                .put("revokedAtMs", revoked.map(r -> r.revokedAt().toEpochMilli()).orElse(null))
                .put("certificatePem", Pem.encode(Pem.CERTIFICATE, p.certificateDer()));
    }

    private static byte[] der(X509Certificate c) {
        try {
            return c.getEncoded();
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }
}
