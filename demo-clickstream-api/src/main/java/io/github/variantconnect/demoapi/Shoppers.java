package io.github.variantconnect.demoapi;

import java.util.ArrayList;
import java.util.List;

/** The user population: each user has a home country, a usual device and a favourite category. */
final class Shoppers {
  private static final long SHOPPER_STREAM = 12;
  /** Squaring a uniform draw gives the first users (the loyal customers) many of the sessions. */
  private static final double LOYALTY_SKEW = 2.0;

  record Shopper(String userId, String country, String preferredDevice, int favouriteCategory) {}

  private static final WeightedChoice<String> COUNTRIES = new WeightedChoice<String>()
      .add("US", 30).add("GB", 10).add("DE", 10).add("FR", 7).add("CA", 6).add("NL", 5)
      .add("ES", 5).add("IT", 5).add("SE", 4).add("PL", 4).add("AU", 4).add("JP", 4)
      .add("BR", 3).add("IN", 3);

  private static final WeightedChoice<String> DEVICES =
      new WeightedChoice<String>().add("mobile", 55).add("desktop", 35).add("tablet", 10);

  private final List<Shopper> shoppers;

  private Shoppers(List<Shopper> shoppers) {
    this.shoppers = List.copyOf(shoppers);
  }

  static Shoppers generate(long seed, int population, int categories) {
    SeededRandom random = SeededRandom.forStream(seed, SHOPPER_STREAM, 0);
    List<Shopper> shoppers = new ArrayList<>(population);
    for (int i = 1; i <= population; i++) {
      shoppers.add(new Shopper(
          String.format("user-%05d", i),
          COUNTRIES.pick(random),
          DEVICES.pick(random),
          random.nextInt(categories)));
    }
    return new Shoppers(shoppers);
  }

  Shopper pick(SeededRandom random) {
    return shoppers.get(random.skewedIndex(shoppers.size(), LOYALTY_SKEW));
  }

  static String randomDevice(SeededRandom random) {
    return DEVICES.pick(random);
  }
}
