package io.github.variantconnect.sink.target;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

/** The targets this plugin ships, by name. */
public final class TargetProviders {

  private static final Map<String, TargetProvider> PROVIDERS = load();

  private TargetProviders() {}

  private static Map<String, TargetProvider> load() {
    Map<String, TargetProvider> providers = new LinkedHashMap<>();
    // The plugin's own class loader: on a worker the thread's context loader is not the plugin's.
    for (TargetProvider provider : ServiceLoader.load(TargetProvider.class, TargetProvider.class.getClassLoader())) {
      providers.put(provider.name(), provider);
    }
    return Collections.unmodifiableMap(providers);
  }

  public static List<String> names() {
    return new ArrayList<>(PROVIDERS.keySet());
  }

  public static List<TargetProvider> all() {
    return new ArrayList<>(PROVIDERS.values());
  }

  public static TargetProvider byName(String name) {
    TargetProvider provider = PROVIDERS.get(name);
    if (provider == null) {
      throw new IllegalArgumentException("No target named '" + name + "'; known targets: " + names());
    }
    return provider;
  }
}
