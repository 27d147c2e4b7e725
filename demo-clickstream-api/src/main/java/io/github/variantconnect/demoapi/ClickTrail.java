package io.github.variantconnect.demoapi;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Records a session's clicks while tracking which page the visitor is on, so each event carries
 * the right {@code page_url} and {@code referrer}: navigating moves to a new page whose referrer
 * is the page left; cart actions happen on the current page and keep its referrer.
 */
final class ClickTrail {
  record CartItem(Catalog.Product product, int quantity) {}

  private final List<PlannedClick> clicks = new ArrayList<>();
  private String currentPage;
  private String currentReferrer;

  ClickTrail(String externalReferrer) {
    this.currentReferrer = externalReferrer;
  }

  List<PlannedClick> clicks() {
    return List.copyOf(clicks);
  }

  void viewHome() {
    navigate(EventType.PAGE_VIEW, Catalog.HOME_URL, null, null, null, null);
  }

  void viewCategory(Catalog.Category category) {
    navigate(EventType.PAGE_VIEW, category.pageUrl(), null, category.name(), null, null);
  }

  void viewProduct(Catalog.Product p) {
    navigate(EventType.PAGE_VIEW, p.pageUrl(), p.id(), p.category(), p.price(), null);
  }

  void search(Catalog.SearchTerm term) {
    navigate(EventType.SEARCH, term.pageUrl(), null, term.category(), null, null);
  }

  void viewCart() {
    navigate(EventType.PAGE_VIEW, Catalog.CART_URL, null, null, null, null);
  }

  void addToCart(CartItem item) {
    Catalog.Product p = item.product();
    stay(EventType.ADD_TO_CART, p.id(), p.category(), p.price(), item.quantity());
  }

  void removeFromCart(CartItem item) {
    Catalog.Product p = item.product();
    stay(EventType.REMOVE_FROM_CART, p.id(), p.category(), p.price(), item.quantity());
  }

  /** One event for the whole cart: price is the cart total, quantity the number of units. */
  void checkout(List<CartItem> cart) {
    BigDecimal total = BigDecimal.ZERO.setScale(2);
    int units = 0;
    for (CartItem item : cart) {
      total = total.add(item.product().price().multiply(BigDecimal.valueOf(item.quantity())));
      units += item.quantity();
    }
    navigate(EventType.CHECKOUT, Catalog.CHECKOUT_URL, null, null, total, units);
  }

  /** One purchase per cart line, repeating the line's product, price and quantity. */
  void purchase(List<CartItem> cart) {
    for (int i = 0; i < cart.size(); i++) {
      Catalog.Product p = cart.get(i).product();
      int quantity = cart.get(i).quantity();
      if (i == 0) {
        navigate(EventType.PURCHASE, Catalog.CONFIRMATION_URL, p.id(), p.category(), p.price(),
            quantity);
      } else {
        stay(EventType.PURCHASE, p.id(), p.category(), p.price(), quantity);
      }
    }
  }

  private void navigate(EventType type, String url, String productId, String category,
      BigDecimal price, Integer quantity) {
    if (currentPage != null) {
      currentReferrer = currentPage;
    }
    currentPage = url;
    stay(type, productId, category, price, quantity);
  }

  private void stay(EventType type, String productId, String category, BigDecimal price,
      Integer quantity) {
    clicks.add(new PlannedClick(type, productId, category, price, quantity, currentPage,
        currentReferrer));
  }
}
