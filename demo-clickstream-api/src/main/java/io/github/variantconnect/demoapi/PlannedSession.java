package io.github.variantconnect.demoapi;

import java.util.List;

/** A whole visit, planned up front so that its clicks stay coherent however sessions interleave. */
record PlannedSession(
    String sessionId, String userId, String country, String device, List<PlannedClick> clicks) {}
