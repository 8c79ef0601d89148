pub mod cart_drawer;
pub mod cart_lines;
pub mod field;
pub mod footer;
pub mod header;
pub mod pagination;
pub mod price;
pub mod product_card;
