package io.carbonx.chain.timestamp;

import java.math.BigInteger;
import java.time.Instant;
import java.util.Objects;

/**
 * A granted RFC 3161 time-stamp as a client received it.
 *
 * @param responseDer the DER {@code TimeStampResp} (status granted + token): what {@code openssl ts -verify -in}
 *                    reads, stored as {@code .tsr}
 * @param tokenDer    the DER {@code TimeStampToken} (CMS SignedData) inside it: what a {@code BlockTimestamped}
 *                    event carries
 * @param genTime     the token's genTime
 * @param serial      the token's serial number (unique per TSA)
 * @param tsaName     who issued it (the consortium TSA's participant id, or the configured external TSA's name)
 */
public record IssuedTimestamp(byte[] responseDer, byte[] tokenDer, Instant genTime, BigInteger serial,
                              String tsaName) {

    /** Copies the arrays; rejects nulls. */
    public IssuedTimestamp {
        responseDer = responseDer.clone();
        tokenDer = tokenDer.clone();
        Objects.requireNonNull(genTime, "genTime");
        Objects.requireNonNull(serial, "serial");
        Objects.requireNonNull(tsaName, "tsaName");
    }

    @Override
    public byte[] responseDer() {
        return responseDer.clone();
    }

    @Override
    public byte[] tokenDer() {
        return tokenDer.clone();
    }
}
