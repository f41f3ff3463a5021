//! The yearly cycle: where each indicator stands against the straight path
//! from its baseline to its target ([`course`]), and the open data files a
//! city can publish each year ([`open_data`]).

pub mod course;
pub mod open_data;
