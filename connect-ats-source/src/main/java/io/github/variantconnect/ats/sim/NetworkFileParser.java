package io.github.variantconnect.ats.sim;

import io.github.variantconnect.ats.sim.LocatedJson.Type;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads and validates the network JSON format (doc/network-file.md). Each error names the JSON line and
 * column and the path of the field at fault, so a user can fix a hand-written file without guessing.
 */
final class NetworkFileParser {

  private static final Set<String> ROOT_FIELDS = Set.of("name", "lines");
  private static final Set<String> LINE_FIELDS = Set.of("id", "name", "speedLimitKmh", "trainCount",
      "blockLengthKm", "speedRestrictions", "stations");
  private static final Set<String> STATION_FIELDS = Set.of("id", "name", "positionKm", "latitude", "longitude");
  private static final Set<String> RESTRICTION_FIELDS = Set.of("fromKm", "toKm", "limitKmh");
  private static final double MAX_BLOCK_LENGTH_KM = 10;
  private static final double MIN_LIMIT_KMH = 5;

  private NetworkFileParser() {}

  static MetroNetwork parse(String json) throws NetworkFileException {
    LocatedJson root = LocatedJson.parse(json);
    if (root.type != Type.OBJECT) {
      throw error(root, "the network", "must be a JSON object with a \"lines\" array, got " + root.describe());
    }
    checkFields(root, "", ROOT_FIELDS);
    LocatedJson name = root.field("name");
    if (name != null && name.type != Type.STRING) {
      throw error(name, "name", "must be a string, got " + name.describe());
    }
    LocatedJson lines = require(root, "", "lines", Type.ARRAY);
    if (lines.items().isEmpty()) {
      throw error(lines, "lines", "must list at least one line");
    }
    List<Line> result = new ArrayList<>();
    Map<String, String> seen = new HashMap<>();
    for (int i = 0; i < lines.items().size(); i++) {
      String path = "lines[" + i + "]";
      LocatedJson node = lines.items().get(i);
      Line line = parseLine(node, path);
      String earlier = seen.putIfAbsent(line.id(), path);
      if (earlier != null) {
        throw error(node.field("id"), path + ".id", "\"" + line.id() + "\" is already used by " + earlier);
      }
      result.add(line);
    }
    return MetroNetwork.of(result);
  }

  private static Line parseLine(LocatedJson node, String path) throws NetworkFileException {
    expectObject(node, path);
    checkFields(node, path + ".", LINE_FIELDS);
    String id = requireText(node, path, "id");
    if (!id.matches("[A-Za-z0-9_-]+")) {
      throw error(node.field("id"), path + ".id",
          "must use only letters, digits, '_' and '-', got \"" + id + "\"");
    }
    String name = requireText(node, path, "name");
    double limit = requireNumber(node, path, "speedLimitKmh", MIN_LIMIT_KMH, Line.MAX_SPEED_LIMIT_KMH);
    LocatedJson trainCountNode = require(node, path + ".", "trainCount", Type.INTEGER);
    int trainCount = (int) Math.min(Integer.MAX_VALUE, trainCountNode.number());
    if (trainCount < 1) {
      throw error(trainCountNode, path + ".trainCount", "must be at least 1, got " + trainCountNode.text());
    }
    double blockLength = Line.DEFAULT_BLOCK_LENGTH_KM;
    if (node.field("blockLengthKm") != null) {
      blockLength = requireNumber(node, path, "blockLengthKm", Line.MIN_BLOCK_LENGTH_KM, MAX_BLOCK_LENGTH_KM);
    }
    List<Station> stations = parseStations(node, path);
    double length = stations.get(stations.size() - 1).positionKm();
    List<SpeedRestriction> restrictions = parseRestrictions(node, path, length, limit);
    int blocks = Line.blocksPerDirection(length, blockLength);
    if (trainCount > blocks) {
      throw error(trainCountNode, path + ".trainCount", "(" + trainCount + ") is more than half of the line's "
          + 2 * blocks + " blocks (" + blocks + " each way of at most " + format(blockLength) + " km over "
          + format(length) + " km); at most " + blocks + " trains fit");
    }
    try {
      return new Line(id, name, stations, limit, trainCount, blockLength, restrictions);
    } catch (IllegalArgumentException e) {
      throw error(node, path, "is invalid: " + e.getMessage());
    }
  }

  private static List<Station> parseStations(LocatedJson line, String path) throws NetworkFileException {
    LocatedJson array = require(line, path + ".", "stations", Type.ARRAY);
    String arrayPath = path + ".stations";
    if (array.items().size() < 2) {
      throw error(array, arrayPath, "must list at least 2 stations, got " + array.items().size());
    }
    List<Station> stations = new ArrayList<>();
    Map<String, String> seen = new HashMap<>();
    for (int i = 0; i < array.items().size(); i++) {
      String p = arrayPath + "[" + i + "]";
      LocatedJson node = array.items().get(i);
      expectObject(node, p);
      checkFields(node, p + ".", STATION_FIELDS);
      String id = requireText(node, p, "id");
      String earlier = seen.putIfAbsent(id, p);
      if (earlier != null) {
        throw error(node.field("id"), p + ".id", "\"" + id + "\" is already used by " + earlier);
      }
      String name = requireText(node, p, "name");
      double position = requireNumber(node, p, "positionKm", 0, 1000);
      LocatedJson positionNode = node.field("positionKm");
      if (i == 0 && position != 0) {
        throw error(positionNode, p + ".positionKm", "must be 0 for the first station, got " + format(position));
      }
      if (i > 0) {
        double previous = stations.get(i - 1).positionKm();
        if (position <= previous) {
          throw error(positionNode, p + ".positionKm",
              "must be greater than the previous station's (" + format(previous) + ")");
        }
      }
      double latitude = requireNumber(node, p, "latitude", -90, 90);
      double longitude = requireNumber(node, p, "longitude", -180, 180);
      stations.add(new Station(id, name, position, latitude, longitude));
    }
    return stations;
  }

  private static List<SpeedRestriction> parseRestrictions(LocatedJson line, String path, double lengthKm,
      double lineLimit) throws NetworkFileException {
    if (line.field("speedRestrictions") == null) {
      return List.of();
    }
    LocatedJson array = require(line, path + ".", "speedRestrictions", Type.ARRAY);
    List<SpeedRestriction> result = new ArrayList<>();
    for (int i = 0; i < array.items().size(); i++) {
      String p = path + ".speedRestrictions[" + i + "]";
      LocatedJson node = array.items().get(i);
      expectObject(node, p);
      checkFields(node, p + ".", RESTRICTION_FIELDS);
      double from = requireNumber(node, p, "fromKm", 0, lengthKm);
      double to = requireNumber(node, p, "toKm", 0, lengthKm);
      if (to <= from) {
        throw error(node.field("toKm"), p + ".toKm", "must be greater than fromKm (" + format(from) + ")");
      }
      double limit = requireNumber(node, p, "limitKmh", MIN_LIMIT_KMH, lineLimit);
      result.add(new SpeedRestriction(from, to, limit));
    }
    return result;
  }

  private static void expectObject(LocatedJson node, String path) throws NetworkFileException {
    if (node.type != Type.OBJECT) {
      throw error(node, path, "must be an object, got " + node.describe());
    }
  }

  private static void checkFields(LocatedJson node, String prefix, Set<String> allowed)
      throws NetworkFileException {
    for (Map.Entry<String, LocatedJson> field : node.fields().entrySet()) {
      if (!allowed.contains(field.getKey())) {
        throw error(field.getValue(), prefix + field.getKey(),
            "is not a known field; expected one of " + new TreeSet<>(allowed));
      }
    }
  }

  private static LocatedJson require(LocatedJson object, String prefix, String name, Type type)
      throws NetworkFileException {
    LocatedJson value = object.field(name);
    String path = prefix + name;
    if (value == null) {
      throw error(object, path, "is missing");
    }
    boolean matches = value.type == type || (type == Type.DECIMAL && value.isNumber());
    if (!matches) {
      throw error(value, path, "must be " + type.description + ", got " + value.describe());
    }
    return value;
  }

  private static String requireText(LocatedJson object, String path, String name) throws NetworkFileException {
    LocatedJson value = require(object, path + ".", name, Type.STRING);
    if (value.text().isBlank()) {
      throw error(value, path + "." + name, "must not be blank");
    }
    return value.text();
  }

  private static double requireNumber(LocatedJson object, String path, String name, double min, double max)
      throws NetworkFileException {
    LocatedJson value = require(object, path + ".", name, Type.DECIMAL);
    double number = value.number();
    if (!(number >= min && number <= max)) {
      throw error(value, path + "." + name,
          "must be between " + format(min) + " and " + format(max) + ", got " + value.text());
    }
    return number;
  }

  private static NetworkFileException error(LocatedJson at, String path, String problem) {
    return new NetworkFileException(at.line, at.column, path, path + " " + problem);
  }

  static String format(double value) {
    return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
  }
}
