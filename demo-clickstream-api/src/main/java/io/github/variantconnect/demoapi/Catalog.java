package io.github.variantconnect.demoapi;

import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** The shop's categories, products (with fixed prices) and search terms, derived from the seed. */
final class Catalog {
  static final String SITE = "https://shop.example.com";
  static final String HOME_URL = SITE + "/";
  static final String CART_URL = SITE + "/cart";
  static final String CHECKOUT_URL = SITE + "/checkout";
  static final String CONFIRMATION_URL = SITE + "/checkout/confirmation";

  private static final long CATALOG_STREAM = 11;
  private static final int PRODUCTS_PER_CATEGORY = 40;
  /** Squaring a uniform draw makes the first products of a category the bestsellers. */
  private static final double POPULARITY_SKEW = 2.0;

  record Product(String id, String category, BigDecimal price, String pageUrl) {}

  record SearchTerm(String text, String category, String pageUrl) {}

  record Category(String name, String pageUrl, List<Product> products, List<SearchTerm> terms) {}

  private record Spec(String name, double minPrice, double maxPrice, List<String> terms) {}

  private static final List<Spec> SPECS = List.of(
      new Spec("electronics", 19.0, 1_499.0,
          List.of("wireless headphones", "4k tv", "laptop", "usb-c charger", "smartwatch")),
      new Spec("books", 5.0, 49.0,
          List.of("bestseller fiction", "cookbook", "children's books", "science fiction")),
      new Spec("fashion", 9.0, 249.0,
          List.of("running shoes", "winter jacket", "jeans", "sunglasses", "sneakers")),
      new Spec("home", 12.0, 599.0,
          List.of("coffee maker", "desk lamp", "bedding", "air fryer", "storage boxes")),
      new Spec("sports", 9.0, 399.0,
          List.of("yoga mat", "dumbbells", "tent", "bike helmet")),
      new Spec("beauty", 4.0, 89.0, List.of("moisturizer", "perfume", "shampoo", "sunscreen")),
      new Spec("toys", 7.0, 149.0, List.of("building blocks", "board game", "puzzle", "plush")),
      new Spec("grocery", 1.0, 39.0, List.of("coffee beans", "olive oil", "protein bars", "tea")));

  private final List<Category> categories;

  private Catalog(List<Category> categories) {
    this.categories = List.copyOf(categories);
  }

  static Catalog generate(long seed) {
    SeededRandom random = SeededRandom.forStream(seed, CATALOG_STREAM, 0);
    List<Category> categories = new ArrayList<>();
    int productNumber = 0;
    for (Spec spec : SPECS) {
      List<Product> products = new ArrayList<>();
      for (int i = 0; i < PRODUCTS_PER_CATEGORY; i++) {
        String id = String.format("prod-%05d", ++productNumber);
        products.add(new Product(id, spec.name(), price(random, spec), SITE + "/products/" + id));
      }
      List<SearchTerm> terms = new ArrayList<>();
      for (String term : spec.terms()) {
        String url = SITE + "/search?q=" + URLEncoder.encode(term, StandardCharsets.UTF_8);
        terms.add(new SearchTerm(term, spec.name(), url));
      }
      categories.add(new Category(spec.name(), SITE + "/c/" + spec.name(), products, terms));
    }
    return new Catalog(categories);
  }

  int size() {
    return categories.size();
  }

  Category category(int index) {
    return categories.get(index);
  }

  Product popularProduct(int category, SeededRandom random) {
    List<Product> products = categories.get(category).products();
    return products.get(random.skewedIndex(products.size(), POPULARITY_SKEW));
  }

  SearchTerm searchTerm(int category, SeededRandom random) {
    return random.pick(categories.get(category).terms());
  }

  /** Log-uniform within the category's range, ending in .99 or .49 like shop prices do. */
  private static BigDecimal price(SeededRandom random, Spec spec) {
    double low = Math.log(spec.minPrice());
    double high = Math.log(spec.maxPrice());
    long whole = (long) Math.floor(Math.exp(low + random.nextDouble() * (high - low)));
    long cents = whole * 100 + (random.chance(0.7) ? 99 : 49);
    return BigDecimal.valueOf(cents, 2);
  }
}
