package io.github.variantconnect.demoapi;

import java.math.BigDecimal;

/** One step of a planned session: everything of an event except its position and time. */
record PlannedClick(
    EventType type,
    String productId,
    String category,
    BigDecimal price,
    Integer quantity,
    String pageUrl,
    String referrer) {}
