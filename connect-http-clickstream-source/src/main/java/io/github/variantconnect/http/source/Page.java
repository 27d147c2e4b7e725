package io.github.variantconnect.http.source;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.github.variantconnect.http.client.ApiResponse;
import java.io.IOException;
import java.net.http.HttpHeaders;

/** A response body parsed once into a tree, with its record array located. */
record Page(JsonNode root, JsonNode items, HttpHeaders headers) {

  private static final ObjectMapper JSON = ExactNumbers.MAPPER;

  /** Parses {@code response}; throws {@link MalformedPageException} when it is not JSON or lacks the records. */
  static Page parse(ApiResponse response, JsonPointer recordsPointer) throws MalformedPageException {
    if (response.body().length == 0) {
      return new Page(MissingNode.getInstance(), JSON.createArrayNode(), response.headers());
    }
    JsonNode root;
    try {
      root = JSON.readTree(response.body());
    } catch (JsonProcessingException e) {
      // Truncated or garbled bodies end here; the request is retried like an I/O error.
      throw new MalformedPageException("body is not complete JSON (" + e.getOriginalMessage() + ")");
    } catch (IOException e) {
      throw new MalformedPageException("body could not be read: " + e.getMessage());
    }
    if (root == null) {
      throw new MalformedPageException("body is empty");
    }
    JsonNode items = recordsPointer == null ? root : root.at(recordsPointer);
    if (items.isMissingNode() || items.isNull()) {
      throw new MalformedPageException("no record array at " + (recordsPointer == null ? "the root" : recordsPointer)
          + " (records.pointer)");
    }
    if (!items.isArray()) {
      throw new MalformedPageException("records.pointer " + recordsPointer + " is a " + items.getNodeType() + ", not an array");
    }
    return new Page(root, items, response.headers());
  }

  int size() {
    return items.size();
  }

  /** The value at {@code pointer} in the body, or a missing node. */
  JsonNode at(JsonPointer pointer) {
    return pointer == null ? MissingNode.getInstance() : root.at(pointer);
  }

  /** Why a body could not be read as a page. */
  static final class MalformedPageException extends Exception {
    MalformedPageException(String message) {
      super(message);
    }
  }
}
