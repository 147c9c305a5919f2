//! Coordinates of towns by GeoNames id, for events whose stored location
//! names a town but has no latitude and longitude. Read from the
//! gazetteer text `chronik-geo` already embeds (`resources/gazetteer/
//! places.tsv`, GeoNames data, CC BY 4.0), so the binary holds it once.
//! Parsed on first use (tens of milliseconds; `serve` does it in the
//! background at start).

use std::collections::HashMap;
use std::sync::OnceLock;

use chronik_store::EventRow;

/// (latitude, longitude) of a town.
pub fn town(geonames_id: u64) -> Option<(f64, f64)> {
    static TABLE: OnceLock<HashMap<u64, (f32, f32)>> = OnceLock::new();
    TABLE
        .get_or_init(|| parse(chronik_geo::Sources::embedded().places))
        .get(&geonames_id)
        .map(|&(lat, lon)| (f64::from(lat), f64::from(lon)))
}

/// Loads the table now.
pub fn warm() {
    let _ = town(0);
}

fn parse(tsv: &str) -> HashMap<u64, (f32, f32)> {
    // FORMAT: key level name country admin1 population lat lon aliases variants
    tsv.lines()
        .filter(|l| !l.starts_with('#'))
        .filter_map(|l| {
            let mut c = l.split('\t');
            let key = c.next()?.parse::<u64>().ok()?;
            if c.next()? != "town" {
                return None;
            }
            let lat = c.nth(4)?.parse().ok()?;
            let lon = c.next()?.parse().ok()?;
            Some((key, (lat, lon)))
        })
        .collect()
}

/// Where to draw an event: its stored coordinates (or its country's
/// centre, as the exports do), else its town's from the gazetteer.
pub fn coordinates(e: &EventRow) -> Option<(f64, f64)> {
    if let Some((lat, lon, _)) = chronik_store::export::coordinates(e) {
        return Some((lat, lon));
    }
    town(e.location.as_ref()?.geonames_id?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn places_town_by_geonames_id() {
        let (lat, lon) = town(1526384).expect("Almaty");
        assert!((lat - 43.25).abs() < 0.1 && (lon - 76.91).abs() < 0.1);
        assert_eq!(town(1), None);
    }
}
