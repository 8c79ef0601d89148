pub mod address;
#[cfg(feature = "ssr")]
pub mod browser_bundle;
pub mod cart_drawer;
pub mod cart_lines;
pub mod consent_banner;
pub mod field;
pub mod footer;
pub mod header;
#[cfg(any(feature = "ssr", feature = "design", not(feature = "forms")))]
pub mod listing_filters;
pub mod pagination;
pub mod price;
pub mod product_card;
pub mod recommendation_row;
pub mod search_box;
pub mod server_form;
pub mod structured_data;
