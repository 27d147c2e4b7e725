package io.github.variantconnect.demoapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ClickstreamGeneratorTest {
  private static final Instant START = Instant.parse("2026-01-05T00:00:00Z");
  private static final Set<String> TYPES = Set.of(
      "page_view", "search", "add_to_cart", "remove_from_cart", "checkout", "purchase");

  private static List<ClickEvent> generate(long seed, int count) {
    ClickstreamGenerator generator =
        new ClickstreamGenerator(seed, DemoApiConfig.DEFAULT_USERS, new EventTimeline(START, 200));
    List<ClickEvent> events = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      events.add(generator.next());
    }
    return events;
  }

  @Test
  void theSameSeedGivesIdenticalEventsAndAnotherSeedDoesNot() {
    List<ClickEvent> first = generate(42, 5_000);
    assertThat(generate(42, 5_000)).isEqualTo(first);
    List<ClickEvent> other = generate(43, 5_000);
    assertThat(other.get(0).sessionId()).isNotEqualTo(first.get(0).sessionId());
    assertThat(TestHttp.ids(other)).doesNotContainAnyElementsOf(TestHttp.ids(first));
  }

  @Test
  void eventIdsAreUniqueAndEventTimesFollowTheRate() {
    List<ClickEvent> events = generate(7, 2_000);
    assertThat(new HashSet<>(TestHttp.ids(events))).hasSize(2_000);
    assertThat(events.get(250).eventTimeText()).isEqualTo("2026-01-05T00:00:01.250Z");
    assertThat(events.get(1).eventTimeText()).isEqualTo("2026-01-05T00:00:00.005Z");
    for (int i = 1; i < events.size(); i++) {
      assertThat(events.get(i).seq()).isEqualTo(i);
      assertThat(events.get(i).eventTime()).isAfterOrEqualTo(events.get(i - 1).eventTime());
    }
  }

  @Test
  void fieldsFollowTheContractForEachEventType() {
    List<ClickEvent> events = generate(42, 20_000);
    assertThat(events).extracting(ClickEvent::eventType)
        .containsAll(TYPES).allMatch(TYPES::contains);
    for (ClickEvent e : events) {
      assertThat(e.device()).isIn("desktop", "mobile", "tablet");
      assertThat(e.country()).matches("[A-Z]{2}");
      assertThat(e.userId()).matches("user-\\d{5}");
      assertThat(e.pageUrl()).startsWith("https://shop.example.com/");
      assertThat(e.eventTimeText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
      if (e.price() != null) {
        assertThat(e.price().scale()).isEqualTo(2);
        assertThat(e.price()).isPositive();
      }
      switch (e.eventType()) {
        case "search" -> {
          assertThat(e.productId()).isNull();
          assertThat(e.price()).isNull();
          assertThat(e.quantity()).isNull();
          assertThat(e.pageUrl()).contains("/search?q=");
        }
        case "add_to_cart", "remove_from_cart", "purchase" -> {
          assertThat(e.productId()).startsWith("prod-");
          assertThat(e.category()).isNotNull();
          assertThat(e.price()).isNotNull();
          assertThat(e.quantity()).isBetween(1, 5);
        }
        case "checkout" -> {
          assertThat(e.productId()).isNull();
          assertThat(e.price()).isNotNull();
          assertThat(e.quantity()).isPositive();
        }
        default -> assertThat(e.quantity()).isNull();
      }
    }
  }

  @Test
  void aPurchaseRepeatsACartItemOfItsSession() {
    Map<String, List<ClickEvent>> sessions = bySession(generate(42, 30_000));
    int purchases = 0;
    for (List<ClickEvent> session : sessions.values()) {
      Set<String> added = new HashSet<>();
      for (ClickEvent e : session) {
        String line = e.productId() + "|" + e.price() + "|" + e.quantity();
        if (e.eventType().equals("add_to_cart")) {
          added.add(line);
        } else if (e.eventType().equals("purchase")) {
          purchases++;
          assertThat(added).as("cart of %s", e.sessionId()).contains(line);
        }
      }
    }
    assertThat(purchases).isGreaterThan(50);
  }

  @Test
  void aFewPercentOfSessionsConvertToAPurchase() {
    Map<String, List<ClickEvent>> sessions = bySession(generate(42, 60_000));
    long converted = sessions.values().stream()
        .filter(s -> s.stream().anyMatch(e -> e.eventType().equals("purchase")))
        .count();
    double rate = (double) converted / sessions.size();
    assertThat(sessions.size()).isGreaterThan(5_000);
    assertThat(rate).isBetween(0.02, 0.07);
  }

  @Test
  void checkoutCarriesTheCartTotal() {
    for (List<ClickEvent> session : bySession(generate(42, 30_000)).values()) {
      if (session.get(0).seq() > 20_000) {
        continue; // may not be complete yet at the end of the generated range
      }
      List<ClickEvent> purchases =
          session.stream().filter(e -> e.eventType().equals("purchase")).toList();
      if (purchases.isEmpty()) {
        continue;
      }
      ClickEvent checkout = session.stream()
          .filter(e -> e.eventType().equals("checkout")).findFirst().orElseThrow();
      BigDecimal total = purchases.stream()
          .map(p -> p.price().multiply(BigDecimal.valueOf(p.quantity())))
          .reduce(BigDecimal.ZERO, BigDecimal::add);
      assertThat(checkout.price()).isEqualByComparingTo(total);
      assertThat(checkout.quantity())
          .isEqualTo(purchases.stream().mapToInt(ClickEvent::quantity).sum());
    }
  }

  @Test
  void sessionsInterleaveAndKeepTheirUserDeviceAndCountry() {
    List<ClickEvent> events = generate(42, 10_000);
    long switches = 0;
    for (int i = 1; i < events.size(); i++) {
      if (!events.get(i).sessionId().equals(events.get(i - 1).sessionId())) {
        switches++;
      }
    }
    assertThat(switches).isGreaterThan(9_000);
    for (List<ClickEvent> session : bySession(events).values()) {
      assertThat(session).extracting(ClickEvent::userId).containsOnly(session.get(0).userId());
      assertThat(session).extracting(ClickEvent::device).containsOnly(session.get(0).device());
      assertThat(session).extracting(ClickEvent::country).containsOnly(session.get(0).country());
      for (int i = 1; i < session.size(); i++) {
        ClickEvent previous = session.get(i - 1);
        ClickEvent current = session.get(i);
        assertThat(current.referrer()).isIn(previous.pageUrl(), previous.referrer());
      }
    }
  }

  @Test
  void aBoundedPopulationWhereTopCustomersReturn() {
    Map<String, List<ClickEvent>> sessions = bySession(generate(42, 60_000));
    Map<String, Integer> sessionsPerUser = new HashMap<>();
    sessions.values().forEach(s -> sessionsPerUser.merge(s.get(0).userId(), 1, Integer::sum));
    assertThat(sessionsPerUser.size()).isLessThanOrEqualTo(DemoApiConfig.DEFAULT_USERS);
    int top = sessionsPerUser.values().stream().mapToInt(Integer::intValue).max().orElseThrow();
    double average = (double) sessions.size() / sessionsPerUser.size();
    assertThat(top).isGreaterThan((int) (10 * average));
  }

  private static Map<String, List<ClickEvent>> bySession(List<ClickEvent> events) {
    return events.stream().collect(
        Collectors.groupingBy(ClickEvent::sessionId, LinkedHashMap::new, Collectors.toList()));
  }
}
