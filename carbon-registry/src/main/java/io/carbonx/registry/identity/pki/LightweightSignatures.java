package io.carbonx.registry.identity.pki;

import java.security.Provider;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A small JCA provider that only <b>verifies</b> the signature algorithms CarbonX's CAs sign certificates and CRLs
 * with — ECDSA with SHA-256/384/512 and Ed25519 — with BouncyCastle's lightweight verifiers
 * ({@code ECDSASigner} with the standard DER signature encoding, {@code Ed25519Signer}): the same arithmetic and
 * the same signature-encoding rules as the BouncyCastle JCA provider's services of those names, without building that
 * provider (its constructor registers every algorithm BouncyCastle has: a fifth of a cold {@code evidence verify}).
 *
 * <p>Use {@link #providerFor(String...)}: it answers this provider when it verifies every given signature algorithm
 * (by OID), and the full BouncyCastle provider ({@link BcProvider#get()}) otherwise, so any other algorithm is
 * verified exactly as before. Registration follows {@link BcProvider}'s policy: added once, at the end of the
 * provider list (the JDK never prefers it for an algorithm requested without a provider), re-added if removed; code
 * that names it by string ({@code PKIXParameters.setSigProvider}) must take the name from {@link #get()}.
 *
 * <p>It has no signing, no key factories, no state: each {@code Signature} instance is one verification.
 */
public final class LightweightSignatures extends Provider {

    /** The provider's name in the JCA provider list. */
    public static final String NAME = "CarbonX-BC-lightweight";

    private static final long serialVersionUID = 1L;

    /** Signature algorithm OID to its verifier kind; names and OID aliases as the JDK and BouncyCastle spell them. */
    private static final Map<String, LightweightVerifierSpi.Kind> BY_OID = Map.of(
            "1.2.840.10045.4.3.2", LightweightVerifierSpi.Kind.ECDSA_SHA256,
            "1.2.840.10045.4.3.3", LightweightVerifierSpi.Kind.ECDSA_SHA384,
            "1.2.840.10045.4.3.4", LightweightVerifierSpi.Kind.ECDSA_SHA512,
            "1.3.101.112", LightweightVerifierSpi.Kind.ED25519);

    private static final LightweightSignatures INSTANCE = new LightweightSignatures();

    private LightweightSignatures() {
        super(NAME, "1.0", "CarbonX: ECDSA and Ed25519 signature verification with BouncyCastle's lightweight API");
        BY_OID.forEach((oid, kind) -> putService(new VerifierService(this, kind, oid)));
    }

    /** Returns the registered provider, registering it if it is not (or no longer) registered. */
    public static Provider get() {
        return JcaProviders.registered(NAME, () -> INSTANCE);
    }

    /**
     * @param signatureAlgorithmOids signature algorithm OIDs (e.g. {@code X509Certificate.getSigAlgOID()})
     * @return whether this provider verifies every one of them
     */
    public static boolean verifiesAll(String... signatureAlgorithmOids) {
        for (String oid : signatureAlgorithmOids) {
            if (!BY_OID.containsKey(Objects.requireNonNull(oid, "oid"))) {
                return false;
            }
        }
        return true;
    }

    /**
     * The provider to verify signatures of the given algorithms with: this one (registered) when it
     * {@link #verifiesAll verifies all of them}, else the BouncyCastle JCA provider.
     *
     * @param signatureAlgorithmOids signature algorithm OIDs
     * @return a registered provider
     */
    public static Provider providerFor(String... signatureAlgorithmOids) {
        return verifiesAll(signatureAlgorithmOids) ? get() : BcProvider.get();
    }

    /** One signature service: instances built directly (no reflection), for verification only. */
    private static final class VerifierService extends Provider.Service {
        private final LightweightVerifierSpi.Kind kind;

        VerifierService(Provider provider, LightweightVerifierSpi.Kind kind, String oid) {
            super(provider, "Signature", kind.jcaName(), LightweightVerifierSpi.class.getName(),
                    List.of(oid, "OID." + oid), Map.of());
            this.kind = kind;
        }

        @Override
        public Object newInstance(Object constructorParameter) {
            return new LightweightVerifierSpi(kind);
        }
    }
}
