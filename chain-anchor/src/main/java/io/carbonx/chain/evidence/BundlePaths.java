package io.carbonx.chain.evidence;

import java.util.HexFormat;
import java.util.Locale;

/**
 * Member paths of a bundle (documented in {@code chain-anchor/docs/evidence-bundle.md}). Numbers are decimal
 * without leading zeros, except event numbers, which have at least four digits ({@code 0001}).
 */
public final class BundlePaths {

    /** Format, chain id and subject. */
    public static final String INFO = "BUNDLE.txt";
    /** The human-readable report. */
    public static final String REPORT = "REPORT.md";
    /** SHA-256 of every other member, in {@code sha256sum -c} format. */
    public static final String SUMS = "SHA256SUMS";
    /** Copy of the root CA certificate (checked against the root the verifier trusts). */
    public static final String ROOT = "certs/root-ca.pem";
    /** The issuing CA certificate. */
    public static final String ISSUING = "certs/issuing-ca.pem";
    /** The issuing CA's CRL. */
    public static final String CRL = "certs/issuing-ca.crl.pem";

    private BundlePaths() {
    }

    /** Validator {@code v}'s certificate. */
    public static String validator(int v) {
        return "certs/validator-" + v + ".pem";
    }

    /** Block {@code h}'s header bytes. */
    public static String header(long h) {
        return "blocks/" + h + "/header.bin";
    }

    /** The bytes validator {@code v} signed for block {@code h}. */
    public static String commitMessage(long h, int v) {
        return "blocks/" + h + "/commit-" + v + ".msg";
    }

    /** Validator {@code v}'s signature for block {@code h}. */
    public static String commitSignature(long h, int v) {
        return "blocks/" + h + "/commit-" + v + ".sig";
    }

    /** Time-stamp response {@code k} (from 1) over block {@code h}'s hash. */
    public static String timestamp(long h, int k) {
        return "blocks/" + h + "/timestamp-" + k + ".tsr";
    }

    /** The certificate of the TSA that issued time-stamp {@code k} of block {@code h}. */
    public static String tsaCertificate(long h, int k) {
        return "blocks/" + h + "/tsa-" + k + ".pem";
    }

    /** The directory of event {@code n} (from 1). */
    public static String eventDir(int n) {
        String digits = Integer.toString(n);
        if (n < 0) {
            return "events/" + String.format(Locale.ROOT, "%04d", n);
        }
        return digits.length() >= 4 ? "events/" + digits : "events/" + "0000".substring(digits.length()) + digits;
    }

    /** Event {@code n}'s exact stored bytes. */
    public static String event(int n) {
        return eventDir(n) + "/event.bin";
    }

    /** Event {@code n}'s inclusion proof. */
    public static String proof(int n) {
        return eventDir(n) + "/proof.txt";
    }

    /** Signed request {@code k} (from 1) carried by event {@code n}: the exact signed bytes. */
    public static String request(int n, int k) {
        return eventDir(n) + "/request-" + k + ".bin";
    }

    /** The participant's signature over {@link #request}. */
    public static String requestSignature(int n, int k) {
        return eventDir(n) + "/request-" + k + ".sig";
    }

    /** The signer's certificate. */
    public static String requestSigner(int n, int k) {
        return eventDir(n) + "/request-" + k + ".pem";
    }

    /**
     * The schema file for a record of {@code fullName} written with the schema whose single-object header
     * fingerprint bytes (bytes 2..9 of the record, as stored) are {@code fingerprintBytes}.
     */
    public static String schema(String fullName, byte[] fingerprintBytes) {
        return "schemas/" + fullName + "-" + HexFormat.of().formatHex(fingerprintBytes) + ".avsc";
    }
}
