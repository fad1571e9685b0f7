package io.carbonx.registry.api;

import io.carbonx.commands.SurrenderAllowances;
import io.carbonx.events.InstrumentKind;
import io.carbonx.events.RequestSignature;
import io.carbonx.events.Role;
import io.carbonx.events.SurrenderKind;
import io.carbonx.registry.api.auth.Access;
import io.carbonx.registry.api.auth.ApiSecurity;
import io.carbonx.registry.api.auth.Principal;
import io.carbonx.registry.directory.Participant;
import io.carbonx.registry.identity.SignatureVerifier;
import io.carbonx.registry.identity.pki.Certificates;
import io.carbonx.registry.service.CommandRefusal;
import io.carbonx.registry.core.state.Instrument;
import io.carbonx.requests.SurrenderRequest;
import io.carbonx.schemas.EventCodec;
import io.carbonx.schemas.EventDecodingException;
import io.vertx.ext.web.RoutingContext;
import java.nio.ByteBuffer;
import java.security.cert.CertificateException;
import java.util.Optional;

/**
 * {@code POST /api/v1/surrenders {request, signature}} (ENTERPRISE): {@code request} is the base64 of the
 * single-object encoding of an {@code io.carbonx.requests.SurrenderRequest}, {@code signature} the base64 of the
 * enterprise's signature over exactly those bytes with its certificate key. Checked here before anything is
 * published: the bytes decode (400 MALFORMED_REQUEST), the chain id is the node's (400 WRONG_CHAIN), the
 * request's participant is the caller (400 NOT_REQUEST_SIGNER), the signature verifies with the caller's current
 * certificate (400 BAD_REQUEST_SIGNATURE), the kind matches the instrument (409 INSTRUMENT_KIND_MISMATCH). The
 * registry decodes the bytes again and the ledger checks the rest; the event keeps the signed bytes and the
 * signature as evidence.
 */
final class SurrenderRoute {
    private SurrenderRoute() {
    }

    static void mount(ApiSupport api) {
        api.routes().post("/api/v1/surrenders", Access.roles(Role.ENTERPRISE), ctx -> {
            try {
                JsonBodies body = JsonBodies.of(ctx);
                byte[] bytes = body.base64("request");
                byte[] signature = body.base64("signature");
                SurrenderAllowances command = command(api, ctx, bytes, signature);
                if (command != null) {
                    api.commands().submit(ctx, command);
                }
            } catch (JsonBodies.Invalid answered) {
                // 400 sent
            }
        });
    }

    /** The command, or null after answering the problem. */
    private static SurrenderAllowances command(ApiSupport api, RoutingContext ctx, byte[] bytes, byte[] signature) {
        Principal caller = ApiSecurity.principal(ctx);
        ApiSecurity security = api.routes().security();
        SurrenderRequest request;
        try {
            request = EventCodec.standard().decode(bytes, SurrenderRequest.class);
        } catch (EventDecodingException e) {
            Problems.send(ctx, 400, CommandRefusal.MALFORMED_REQUEST.name(), e.getMessage());
            return null;
        }
        if (!security.chainId().equals(request.getChainId())) {
            Problems.send(ctx, 400, CommandRefusal.WRONG_CHAIN.name(), "request is bound to chain "
                    + request.getChainId() + ", this node serves " + security.chainId());
            return null;
        }
        if (!caller.participantId().equals(request.getParticipantId())) {
            Problems.send(ctx, 400, CommandRefusal.NOT_REQUEST_SIGNER.name(), "request of "
                    + request.getParticipantId() + " submitted by " + caller.participantId());
            return null;
        }
        Participant p = security.directory().participant(caller.participantId()).orElseThrow();
        SignatureVerifier verifier;
        try {
            verifier = SignatureVerifier.forCertificate(Certificates.fromDer(p.certificateDer()));
        } catch (CertificateException e) {
            throw new IllegalStateException("directory certificate does not decode", e);
        }
        if (!verifier.verify(bytes, signature)) {
            Problems.send(ctx, 400, "BAD_REQUEST_SIGNATURE", "the signature does not verify with the certificate "
                    + p.certificateSerial() + " of " + p.participantId());
            return null;
        }
        Optional<InstrumentKind> kind = api.reads().read(v -> v.ledger().instrument(request.getInstrumentId())
                .map(Instrument::kind));
        boolean offset = request.getKind() == SurrenderKind.OFFSET;
        if (kind.isPresent() && (kind.get() == InstrumentKind.OFFSET) != offset) {
            Problems.send(ctx, 409, "INSTRUMENT_KIND_MISMATCH", request.getInstrumentId() + " is " + kind.get()
                    + ", the request surrenders " + request.getKind());
            return null;
        }
        RequestSignature sig = new RequestSignature(caller.participantId(), p.certificateSerial(),
                verifier.keyKind().signatureAlgorithm(), ByteBuffer.wrap(signature));
        return SurrenderAllowances.newBuilder()
                .setEnvelope(api.commands().envelope("SurrenderAllowances", caller.participantId()))
                .setRequestBytes(ByteBuffer.wrap(bytes)).setSignature(sig).build();
    }
}
