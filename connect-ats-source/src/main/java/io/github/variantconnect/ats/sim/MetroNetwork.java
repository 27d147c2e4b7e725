package io.github.variantconnect.ats.sim;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** The lines a simulation runs: the built-in network or one read from a network file. */
public final class MetroNetwork {

  private static final String DEFAULT_NETWORK_RESOURCE = "default-network.json";

  private final List<Line> lines;
  private final Map<String, Line> byId;

  private MetroNetwork(List<Line> lines) {
    this.lines = List.copyOf(lines);
    Map<String, Line> index = new LinkedHashMap<>();
    for (Line line : this.lines) {
      if (index.putIfAbsent(line.id(), line) != null) {
        throw new IllegalArgumentException("duplicate line id " + line.id());
      }
    }
    if (index.isEmpty()) {
      throw new IllegalArgumentException("a network needs at least one line");
    }
    this.byId = Collections.unmodifiableMap(index);
  }

  /** A network of the given lines; their ids must be unique. */
  public static MetroNetwork of(List<Line> lines) {
    return new MetroNetwork(lines);
  }

  /**
   * The built-in network: six lines of a fictional city with 115 trains, from radial lines with stations
   * every 1.1–1.6 km to an airport express.
   */
  public static MetroNetwork defaultNetwork() {
    return DefaultNetwork.INSTANCE;
  }

  /** Parses a network file's JSON; see doc/network-file.md for the format. */
  public static MetroNetwork parse(String json) throws NetworkFileException {
    return NetworkFileParser.parse(Objects.requireNonNull(json, "json"));
  }

  /** Reads and parses a network file; error messages start with the file name. */
  public static MetroNetwork load(Path file) throws NetworkFileException {
    String json;
    try {
      json = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new NetworkFileException("cannot read network file " + file + ": " + e, e);
    }
    try {
      return parse(json);
    } catch (NetworkFileException e) {
      throw new NetworkFileException(file + ": ", e);
    }
  }

  public List<Line> lines() {
    return lines;
  }

  public Optional<Line> line(String id) {
    return Optional.ofNullable(byId.get(id));
  }

  /** Every train id, line order then train order. */
  public List<String> trainIds() {
    List<String> ids = new ArrayList<>();
    for (Line line : lines) {
      ids.addAll(line.trainIds());
    }
    return List.copyOf(ids);
  }

  public int trainCount() {
    int count = 0;
    for (Line line : lines) {
      count += line.trainCount();
    }
    return count;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof MetroNetwork other && lines.equals(other.lines);
  }

  @Override
  public int hashCode() {
    return lines.hashCode();
  }

  @Override
  public String toString() {
    return "MetroNetwork" + byId.keySet();
  }

  /** Loaded once, on first use; the resource is part of the jar, so failing to read it is a build bug. */
  private static final class DefaultNetwork {
    static final MetroNetwork INSTANCE = load();

    private static MetroNetwork load() {
      try (InputStream in = MetroNetwork.class.getResourceAsStream(DEFAULT_NETWORK_RESOURCE)) {
        if (in == null) {
          throw new IllegalStateException("missing resource " + DEFAULT_NETWORK_RESOURCE);
        }
        return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } catch (NetworkFileException e) {
        throw new IllegalStateException("invalid built-in network: " + e.getMessage(), e);
      }
    }
  }
}
