package io.carbonx.registry.identity;

/** Why the CA data directory could not be created or loaded. */
public enum StoreFailure {
    /** A private key did not decrypt with the configured passphrase. */
    WRONG_PASSPHRASE,
    /** The configured passphrase is too short to protect newly created CA keys (under 12 characters). */
    WEAK_PASSPHRASE,
    /** Some CA files exist and others do not: the directory is neither empty nor complete. Nothing is overwritten. */
    INCOMPLETE_STORE,
    /** A file is not the PEM object it should be, or a certificate does not chain as it should. */
    CORRUPT_FILE,
    /** A private key is not encrypted with PBES2/AES-256-CBC. */
    UNSUPPORTED_KEY_ENCRYPTION,
    /** A private key decrypted but does not belong to its certificate. */
    KEY_CERTIFICATE_MISMATCH,
    /** Reading or writing the directory failed. */
    IO_ERROR
}
