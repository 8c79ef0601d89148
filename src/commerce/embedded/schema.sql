-- The embedded backend's tables. Money columns hold integer minor units: a variant's in the base
-- currency (USD), a price list's in its currency, an order's in the order's currency.
PRAGMA foreign_keys = ON;

CREATE TABLE IF NOT EXISTS meta (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
);

CREATE TABLE IF NOT EXISTS categories (
  id          INTEGER PRIMARY KEY,
  handle      TEXT NOT NULL UNIQUE,
  name        TEXT NOT NULL,
  description TEXT NOT NULL,
  position    INTEGER NOT NULL
);

CREATE TABLE IF NOT EXISTS products (
  id           INTEGER PRIMARY KEY,
  handle       TEXT NOT NULL UNIQUE,
  name         TEXT NOT NULL,
  brand        TEXT NOT NULL,
  description  TEXT NOT NULL,
  category_id  INTEGER NOT NULL REFERENCES categories(id),
  art          TEXT NOT NULL,
  art_colour   TEXT NOT NULL,
  option_names TEXT NOT NULL,           -- '|'-separated, e.g. 'Size|Colour'
  featured     INTEGER NOT NULL DEFAULT 0,
  position     INTEGER NOT NULL,
  created_at   INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS products_by_category ON products(category_id, position);

CREATE TABLE IF NOT EXISTS variants (
  id         INTEGER PRIMARY KEY,
  product_id INTEGER NOT NULL REFERENCES products(id),
  sku        TEXT NOT NULL UNIQUE,
  options    TEXT NOT NULL,             -- '|'-separated values in option order
  colour     TEXT NOT NULL,             -- colour the variant's picture is drawn in
  price      INTEGER NOT NULL CHECK (price >= 0),
  compare_at INTEGER CHECK (compare_at IS NULL OR compare_at > price),
  stock      INTEGER NOT NULL CHECK (stock >= 0),
  position   INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS variants_by_product ON variants(product_id, position);

CREATE TABLE IF NOT EXISTS carts (
  token      TEXT PRIMARY KEY,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  coupon     TEXT                       -- a coupons.code the shopper applied (added later)
);

CREATE TABLE IF NOT EXISTS coupons (
  code      TEXT PRIMARY KEY,           -- upper case
  kind      TEXT NOT NULL CHECK (kind IN ('percent_off', 'amount_off', 'free_shipping')),
  value     INTEGER NOT NULL DEFAULT 0, -- percent, or minor units for amount_off
  min_spend INTEGER,                    -- minor units of goods
  last_day  INTEGER                     -- days since 1970-01-01, inclusive
);

CREATE TABLE IF NOT EXISTS cart_lines (
  cart_token TEXT NOT NULL REFERENCES carts(token) ON DELETE CASCADE,
  variant_id INTEGER NOT NULL REFERENCES variants(id),
  quantity   INTEGER NOT NULL CHECK (quantity BETWEEN 1 AND 99),
  added_at   INTEGER NOT NULL,
  PRIMARY KEY (cart_token, variant_id)
);

CREATE TABLE IF NOT EXISTS orders (
  code            TEXT PRIMARY KEY,
  idempotency_key TEXT NOT NULL UNIQUE,
  email           TEXT NOT NULL,
  ship_name       TEXT NOT NULL,
  ship_line1      TEXT NOT NULL,
  ship_line2      TEXT NOT NULL,
  ship_city       TEXT NOT NULL,
  ship_postcode   TEXT NOT NULL,
  ship_country    TEXT NOT NULL,
  shipping        TEXT NOT NULL,        -- the chosen option as JSON, as promised at the time
  payment         TEXT NOT NULL,        -- brand and last four digits only, as JSON
  subtotal        INTEGER NOT NULL,
  shipping_cost   INTEGER NOT NULL,
  tax             INTEGER NOT NULL,
  total           INTEGER NOT NULL,
  status          TEXT NOT NULL,
  placed_at       INTEGER NOT NULL,
  -- Columns below were added after the first release; migrate.rs adds them to older files.
  carrier         TEXT,
  tracking_number TEXT,
  discount        INTEGER NOT NULL DEFAULT 0,
  coupon          TEXT,                 -- the applied coupon as JSON, as it was then
  billing         TEXT,                 -- the buyer's own address as JSON, when shipped elsewhere
  gift            TEXT,                 -- message and packing-slip choice as JSON
  customer_id     INTEGER,              -- the signed-in customer who placed it, if any
  currency        TEXT NOT NULL DEFAULT 'USD' -- what every amount of the order is in
);
-- orders_by_customer is created by migrate.rs, after the column exists in older files.

CREATE TABLE IF NOT EXISTS customers (
  id            INTEGER PRIMARY KEY,
  email         TEXT NOT NULL UNIQUE COLLATE NOCASE,
  name          TEXT NOT NULL,
  password_hash TEXT NOT NULL,          -- argon2id PHC string; never the password
  created_at    INTEGER NOT NULL
);

-- A signed-in browser's session: the storefront's session cookie names its token, so signing
-- out (deleting the row) ends it at once rather than when the cookie expires.
CREATE TABLE IF NOT EXISTS sessions (
  token       TEXT PRIMARY KEY,
  customer_id INTEGER NOT NULL REFERENCES customers(id),
  expires_at  INTEGER NOT NULL
);

CREATE TABLE IF NOT EXISTS customer_addresses (
  customer_id INTEGER NOT NULL REFERENCES customers(id),
  address     TEXT NOT NULL,            -- JSON; one row per distinct address
  used_at     INTEGER NOT NULL,
  PRIMARY KEY (customer_id, address)
);

CREATE TABLE IF NOT EXISTS order_events (
  order_code TEXT NOT NULL REFERENCES orders(code),
  status     TEXT NOT NULL,
  at         INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS order_events_by_order ON order_events(order_code, at);

CREATE TABLE IF NOT EXISTS order_lines (
  order_code    TEXT NOT NULL REFERENCES orders(code),
  variant_id    INTEGER NOT NULL REFERENCES variants(id),
  product_name  TEXT NOT NULL,
  variant_title TEXT NOT NULL,
  unit_price    INTEGER NOT NULL,
  quantity      INTEGER NOT NULL CHECK (quantity > 0)
);
CREATE INDEX IF NOT EXISTS order_lines_by_order ON order_lines(order_code);
-- A product's units sold, for listings re-read after its sale (listing::current).
CREATE INDEX IF NOT EXISTS order_lines_by_variant ON order_lines(variant_id);

-- The price lists of the offered currencies other than the base one (variants.price), made
-- from it once by prices.rs and kept: what a shopper saw is what the order charges.
CREATE TABLE IF NOT EXISTS prices (
  variant_id INTEGER NOT NULL REFERENCES variants(id),
  currency   TEXT NOT NULL,
  price      INTEGER NOT NULL CHECK (price >= 0),
  compare_at INTEGER CHECK (compare_at IS NULL OR compare_at > price),
  PRIMARY KEY (variant_id, currency)
);

-- The catalogue in other languages (texts.rs). English lives in the tables above and shows
-- wherever a translation is missing.
CREATE TABLE IF NOT EXISTS category_texts (
  category_id INTEGER NOT NULL REFERENCES categories(id),
  lang        TEXT NOT NULL,
  name        TEXT NOT NULL,
  description TEXT NOT NULL,
  PRIMARY KEY (category_id, lang)
);

CREATE TABLE IF NOT EXISTS product_texts (
  product_id  INTEGER NOT NULL REFERENCES products(id),
  lang        TEXT NOT NULL,
  name        TEXT NOT NULL,
  description TEXT NOT NULL,
  PRIMARY KEY (product_id, lang)
);

-- Option names and values ('Colour', 'Ink') and the picture's alt template, per language.
CREATE TABLE IF NOT EXISTS phrases (
  lang    TEXT NOT NULL,
  english TEXT NOT NULL,
  text    TEXT NOT NULL,
  PRIMARY KEY (lang, english)
);

-- The search index (one row per product and language) is made by search.rs when the store
-- opens.

-- Which products each step of meta's `catalogue_version` touched (NULL: any may have), so a
-- listing copy a few steps behind reads only those again (listing::current). The last
-- thousand steps are kept.
CREATE TABLE IF NOT EXISTS catalogue_changes (
  version    INTEGER NOT NULL,
  product_id INTEGER
);
CREATE INDEX IF NOT EXISTS catalogue_changes_by_version ON catalogue_changes(version);
