package io.carbonx.chain.evidence;

/** Why a check of {@link EvidenceVerifier} failed (stable reason codes). */
public enum VerificationFailure {
    /** The file is not a bundle archive in canonical form (not a ZIP, CRC error, altered headers). */
    NOT_A_BUNDLE,
    /** A member is missing, unexpected, undecodable or not in its canonical form. */
    BAD_FORMAT,
    /** {@code SHA256SUMS} does not list exactly the other members with their SHA-256. */
    CHECKSUMS_MISMATCH,
    /** The bundle's root certificate is not the root the verifier trusts. */
    ROOT_MISMATCH,
    /** The issuing CA certificate is not signed by the trusted root. */
    UNTRUSTED_ISSUING_CA,
    /** The CRL is not signed by the issuing CA. */
    BAD_CRL,
    /** Fewer than four validators, a participant twice, or a validator certificate that is not valid. */
    VALIDATOR_SET_INVALID,
    /** A header's chain id or height is not what the bundle says, or a hash field is not 32 bytes. */
    HEADER_INVALID,
    /** A header's previous hash is not the hash of the header before it. */
    HASH_CHAIN_BROKEN,
    /** A block that must carry a commit certificate (an event's block, the latest block) does not. */
    COMMITS_MISSING,
    /** A commit message is not the COMMIT for this chain, height and block hash, or views differ. */
    COMMIT_MESSAGE_INVALID,
    /** A commit signature does not verify with its validator's key. */
    COMMIT_SIGNATURE_INVALID,
    /** Fewer distinct validators signed than the quorum 2f+1. */
    QUORUM_NOT_REACHED,
    /** A validator's certificate is not valid at the time of a block it signed. */
    VALIDATOR_CERTIFICATE_INVALID,
    /** A schema file is not the contract's writer schema for the fingerprint. */
    SCHEMA_MISMATCH,
    /** An inclusion proof does not lead from the event's leaf hash to its block's Merkle root. */
    INCLUSION_PROOF_INVALID,
    /** The request files do not match the signed requests the event carries. */
    REQUEST_MISMATCH,
    /** The signer's certificate is not valid (chain, expiry, revocation) at the time of the event's block. */
    SIGNER_CERTIFICATE_INVALID,
    /** The signature over a request does not verify with the signer's key. */
    REQUEST_SIGNATURE_INVALID,
    /** A time-stamp token does not verify over its block's hash. */
    TIMESTAMP_INVALID,
    /** No valid time-stamp covers an event's block (none at that block or any later one). */
    NO_TIMESTAMP,
    /** No event in the bundle is about the subject {@code BUNDLE.txt} names. */
    SUBJECT_NOT_EVIDENCED,
    /** {@code REPORT.md} is not the report of this bundle's contents. */
    REPORT_MISMATCH,
    /** A check could not run because an earlier one failed (only with stop-at-first-failure). */
    NOT_RUN
}
