package io.github.variantconnect.demoapi;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.util.Map;
import java.util.function.Supplier;

/** Sends each request to its endpoint and turns every failure into a JSON error reply. */
final class ApiRouter implements HttpHandler {
  private static final System.Logger LOG = System.getLogger(ApiRouter.class.getName());
  private static final byte[] HEALTHY = JsonBodies.object(Map.of("status", "ok"));

  private final EventsEndpoint events;
  private final TokenEndpoint tokens;
  private final RequestAuthenticator authenticator;
  private final Supplier<Map<String, Object>> stats;
  private final ServerCounters counters;

  /** @param tokens null unless the server runs in OAUTH2 mode */
  ApiRouter(EventsEndpoint events, TokenEndpoint tokens, RequestAuthenticator authenticator,
      Supplier<Map<String, Object>> stats, ServerCounters counters) {
    this.events = events;
    this.tokens = tokens;
    this.authenticator = authenticator;
    this.stats = stats;
    this.counters = counters;
  }

  @Override
  public void handle(HttpExchange exchange) {
    counters.request();
    try {
      route(exchange, ApiRequest.read(exchange));
    } catch (ApiException e) {
      reply(exchange, e);
    } catch (IOException e) {
      LOG.log(Level.DEBUG, "request ended early: {0}", e.toString());
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "request to " + exchange.getRequestURI().getPath() + " failed", e);
      reply(exchange, new ApiException(500, "internal_error", "unexpected server error"));
    } finally {
      exchange.close();
    }
  }

  private void route(HttpExchange exchange, ApiRequest request) throws IOException {
    switch (request.path()) {
      case "/healthz" -> {
        requireMethod(request, "GET");
        Responses.json(exchange, 200, HEALTHY, Map.of());
      }
      case "/v1/stats" -> {
        requireMethod(request, "GET");
        authenticator.authenticate(request);
        Responses.json(exchange, 200, JsonBodies.object(stats.get()), Map.of());
      }
      case "/v1/events" -> {
        requireMethod(request, "GET");
        events.get(exchange, request);
      }
      case "/v1/events/query" -> {
        requireMethod(request, "POST");
        events.query(exchange, request);
      }
      case "/oauth/token" -> {
        if (tokens == null) {
          throw ApiException.notFound(request.path() + " (the server does not run in oauth2 mode)");
        }
        requireMethod(request, "POST");
        tokens.handle(exchange, request);
      }
      default -> throw ApiException.notFound(request.path());
    }
  }

  private static void requireMethod(ApiRequest request, String method) {
    if (!request.method().equals(method)) {
      throw ApiException.methodNotAllowed(request.method(), method);
    }
  }

  private static void reply(HttpExchange exchange, ApiException error) {
    try {
      Responses.error(exchange, error);
    } catch (IOException | RuntimeException e) {
      // Headers already went out or the client left; the connection is closed either way.
      LOG.log(Level.DEBUG, "could not send error reply: {0}", e.toString());
    }
  }
}
