package io.github.variantconnect.demoapi;

import java.util.ArrayList;
import java.util.List;

/**
 * Plans realistic visits: a landing page from an external referrer, some browsing and searching
 * around a focus category, and for a minority a cart that may go on to checkout and payment.
 */
final class SessionPlanner {
  /**
   * The funnel. With about 11 % of carts emptied again by a removal, these give roughly
   * 0.14 × 0.89 × 0.45 × 0.70 ≈ 4 % of sessions ending in a purchase, a typical e-commerce rate.
   */
  static final double CART_INTENT = 0.14;
  static final double REMOVE_ITEM = 0.20;
  static final double CHECKOUT = 0.45;
  static final double PAY = 0.70;

  private static final WeightedChoice<String> EXTERNAL_REFERRERS = new WeightedChoice<String>()
      .add("https://www.google.com/", 40)
      .add(null, 25)
      .add("https://www.facebook.com/", 10)
      .add("https://www.instagram.com/", 8)
      .add("https://mail.example.com/newsletter", 10)
      .add("https://www.bing.com/", 7);

  private final Catalog catalog;
  private final Shoppers shoppers;

  SessionPlanner(Catalog catalog, Shoppers shoppers) {
    this.catalog = catalog;
    this.shoppers = shoppers;
  }

  PlannedSession plan(String sessionId, SeededRandom random) {
    Shoppers.Shopper shopper = shoppers.pick(random);
    String device = random.chance(0.8) ? shopper.preferredDevice() : Shoppers.randomDevice(random);
    ClickTrail trail = new ClickTrail(EXTERNAL_REFERRERS.pick(random));
    int focus = random.chance(0.6) ? shopper.favouriteCategory() : random.nextInt(catalog.size());
    focus = land(trail, random, focus);
    int browsing = random.nextInt(0, 9);
    for (int i = 0; i < browsing; i++) {
      focus = browse(trail, random, focus);
    }
    if (random.chance(CART_INTENT)) {
      shop(trail, random, focus);
    }
    return new PlannedSession(
        sessionId, shopper.userId(), shopper.country(), device, trail.clicks());
  }

  private int land(ClickTrail trail, SeededRandom random, int focus) {
    double roll = random.nextDouble();
    if (roll < 0.35) {
      trail.viewHome();
    } else if (roll < 0.60) {
      trail.viewCategory(catalog.category(focus));
    } else if (roll < 0.85) {
      trail.viewProduct(catalog.popularProduct(focus, random));
    } else {
      trail.search(catalog.searchTerm(focus, random));
    }
    return focus;
  }

  /** One browsing step; returns the focus category afterwards (a search or a detour moves it). */
  private int browse(ClickTrail trail, SeededRandom random, int focus) {
    double roll = random.nextDouble();
    if (roll < 0.50) {
      trail.viewProduct(catalog.popularProduct(focus, random));
      return focus;
    }
    if (roll < 0.65) {
      trail.viewCategory(catalog.category(focus));
      return focus;
    }
    int other = random.nextInt(catalog.size());
    if (roll < 0.78) {
      trail.viewCategory(catalog.category(other));
      return other;
    }
    if (roll < 0.92) {
      trail.search(catalog.searchTerm(other, random));
      return other;
    }
    trail.viewHome();
    return focus;
  }

  private void shop(ClickTrail trail, SeededRandom random, int focus) {
    List<ClickTrail.CartItem> cart = new ArrayList<>();
    int lines = 1 + (random.chance(0.35) ? 1 : 0) + (random.chance(0.15) ? 1 : 0);
    for (int i = 0; i < lines; i++) {
      ClickTrail.CartItem item =
          new ClickTrail.CartItem(catalog.popularProduct(focus, random), quantity(random));
      trail.viewProduct(item.product());
      trail.addToCart(item);
      cart.add(item);
      if (i + 1 < lines && random.chance(0.5)) {
        focus = browse(trail, random, focus);
      }
    }
    if (random.chance(REMOVE_ITEM)) {
      trail.viewCart();
      trail.removeFromCart(cart.remove(random.nextInt(cart.size())));
    }
    if (cart.isEmpty() || !random.chance(CHECKOUT)) {
      return;
    }
    trail.checkout(cart);
    if (random.chance(PAY)) {
      trail.purchase(cart);
    }
  }

  private static int quantity(SeededRandom random) {
    double roll = random.nextDouble();
    if (roll < 0.75) {
      return 1;
    }
    if (roll < 0.92) {
      return 2;
    }
    return roll < 0.98 ? 3 : random.nextInt(4, 5);
  }
}
