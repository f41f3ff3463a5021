//! The yearly cycle: where each indicator stands against the straight path
//! from its baseline to its target ([`course`]), where each measure stands
//! in the year reported on ([`schedule`]), and the open data files a city
//! can publish each year ([`open_data`]); [`summary`] gives all of it to the JSON.

pub mod course;
pub mod open_data;
pub mod schedule;
pub mod summary;
