package io.github.variantconnect.ats.sim;

/**
 * A network file that cannot be read or is invalid. The message starts with the JSON line and column
 * at fault (when known) and names the offending field by its path, e.g.
 * {@code line 12, column 7: lines[1].stations[3].positionKm must be greater than the previous station's (4.2)}.
 */
public final class NetworkFileException extends Exception {

  private static final long serialVersionUID = 1L;

  private final int lineNumber;
  private final int columnNumber;
  private final String field;

  /** An error located in the JSON text; {@code field} is the path, e.g. {@code lines[0].trainCount}. */
  public NetworkFileException(int lineNumber, int columnNumber, String field, String problem) {
    super("line " + lineNumber + ", column " + columnNumber + ": " + problem);
    this.lineNumber = lineNumber;
    this.columnNumber = columnNumber;
    this.field = field;
  }

  /** An error with no position in the text, such as an unreadable file. */
  public NetworkFileException(String message, Throwable cause) {
    super(message, cause);
    this.lineNumber = -1;
    this.columnNumber = -1;
    this.field = "";
  }

  /** Keeps the location of {@code located} but prefixes the message, e.g. with the file name. */
  NetworkFileException(String prefix, NetworkFileException located) {
    super(prefix + located.getMessage(), located.getCause());
    this.lineNumber = located.lineNumber;
    this.columnNumber = located.columnNumber;
    this.field = located.field;
  }

  /** 1-based JSON line, or -1 when the error has no position. */
  public int lineNumber() {
    return lineNumber;
  }

  /** 1-based JSON column, or -1 when the error has no position. */
  public int columnNumber() {
    return columnNumber;
  }

  /** Path of the field at fault, e.g. {@code lines[1].stations[3].positionKm}; empty when none. */
  public String field() {
    return field;
  }
}
