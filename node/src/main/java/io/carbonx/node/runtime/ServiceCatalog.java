package io.carbonx.node.runtime;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.ServiceLoader;

import io.carbonx.eventlog.runtime.CarbonxService;

/** Finds the {@link CarbonxService}s on the classpath ({@code META-INF/services}), sorted by name. */
public final class ServiceCatalog {

    private ServiceCatalog() {
    }

    /** Every service module on the classpath of this class's loader, sorted by {@link CarbonxService#name()}. */
    public static List<CarbonxService> discover() {
        List<CarbonxService> found = new ArrayList<>();
        ServiceLoader.load(CarbonxService.class, ServiceCatalog.class.getClassLoader()).forEach(found::add);
        found.sort(Comparator.comparing(CarbonxService::name));
        return List.copyOf(found);
    }
}
