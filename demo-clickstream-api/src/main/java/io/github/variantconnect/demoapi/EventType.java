package io.github.variantconnect.demoapi;

import java.util.Locale;

/** The {@code event_type} values of the clickstream contract. */
enum EventType {
  PAGE_VIEW,
  SEARCH,
  ADD_TO_CART,
  REMOVE_FROM_CART,
  CHECKOUT,
  PURCHASE;

  String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
