package io.carbonx.deploycheck;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Kubernetes resource quantities ({@code 500m}, {@code 2}, {@code 768Mi}, {@code 1G}, {@code 1e3}) as exact
 * decimals, so that a request can be compared with its limit.
 */
final class Quantities {

    /** Longest suffixes first, so "Mi" is tried before "m". */
    private static final Map<String, BigDecimal> SUFFIXES = new LinkedHashMap<>();

    static {
        BigDecimal kibi = BigDecimal.valueOf(1024);
        BigDecimal kilo = BigDecimal.valueOf(1000);
        String[] binary = {"Ki", "Mi", "Gi", "Ti", "Pi", "Ei"};
        String[] decimal = {"k", "M", "G", "T", "P", "E"};
        for (int i = 0; i < binary.length; i++) {
            SUFFIXES.put(binary[i], kibi.pow(i + 1));
        }
        for (int i = 0; i < decimal.length; i++) {
            SUFFIXES.put(decimal[i], kilo.pow(i + 1));
        }
        SUFFIXES.put("m", new BigDecimal("0.001"));
    }

    private Quantities() {
    }

    /**
     * @param quantity a quantity as written in a manifest
     * @return its value in base units (cores, bytes)
     * @throws IllegalArgumentException if it is not a quantity
     */
    static BigDecimal parse(String quantity) {
        String text = quantity.trim();
        for (Map.Entry<String, BigDecimal> suffix : SUFFIXES.entrySet()) {
            if (text.endsWith(suffix.getKey())) {
                return number(text.substring(0, text.length() - suffix.getKey().length()), quantity)
                        .multiply(suffix.getValue());
            }
        }
        return number(text, quantity);
    }

    private static BigDecimal number(String text, String quantity) {
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a resource quantity: '" + quantity + "'", e);
        }
    }
}
