-- The storefront's own data (storefront/mod.rs).

-- A signed-in shopper's wishlist, newest first, as the JSON array of saved items the guest's
-- cookie holds (api/wishlist.rs): one row per owner, read and written whole.
CREATE TABLE IF NOT EXISTS wishlists (
  owner      TEXT PRIMARY KEY,          -- 'customer:<backend customer id>'
  items      TEXT NOT NULL,
  updated_at INTEGER NOT NULL
);
