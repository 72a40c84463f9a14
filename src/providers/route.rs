//! Routes: the API operations hookctl knows by name, and the `METHOD /path` each preset (or a
//! profile's override) sends them to.

use std::fmt;
use std::str::FromStr;

/// An API operation. The names (`endpoints.get`, …) are what a profile's `routes.<name>`
/// overrides; in the code they are this enum, so a misspelt one does not compile.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum RouteName {
    EndpointsList,
    EndpointsGet,
    EndpointsCreate,
    EndpointsUpdate,
    EndpointsDelete,
    Fire,
    EventsList,
    EventsGet,
    Test,
    DeliveriesList,
    DeliveriesGet,
    DeliveriesReplay,
}

impl RouteName {
    /// Every route, in the order of the table in [`crate::providers`].
    pub const ALL: [RouteName; 12] = [
        RouteName::EndpointsList,
        RouteName::EndpointsGet,
        RouteName::EndpointsCreate,
        RouteName::EndpointsUpdate,
        RouteName::EndpointsDelete,
        RouteName::Fire,
        RouteName::EventsList,
        RouteName::EventsGet,
        RouteName::Test,
        RouteName::DeliveriesList,
        RouteName::DeliveriesGet,
        RouteName::DeliveriesReplay,
    ];

    /// The name a profile writes: `routes.endpoints.get = "GET /hooks/{id}"`.
    pub fn as_str(self) -> &'static str {
        match self {
            RouteName::EndpointsList => "endpoints.list",
            RouteName::EndpointsGet => "endpoints.get",
            RouteName::EndpointsCreate => "endpoints.create",
            RouteName::EndpointsUpdate => "endpoints.update",
            RouteName::EndpointsDelete => "endpoints.delete",
            RouteName::Fire => "fire",
            RouteName::EventsList => "events.list",
            RouteName::EventsGet => "events.get",
            RouteName::Test => "test",
            RouteName::DeliveriesList => "deliveries.list",
            RouteName::DeliveriesGet => "deliveries.get",
            RouteName::DeliveriesReplay => "deliveries.replay",
        }
    }
}

impl fmt::Display for RouteName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Parsed once, where a profile names a route; an unknown name lists the known ones.
impl FromStr for RouteName {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        RouteName::ALL.into_iter().find(|r| r.as_str() == s.trim()).ok_or_else(|| {
            format!("unknown route '{s}' (known: {})", RouteName::ALL.map(RouteName::as_str).join(", "))
        })
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Method {
    Get,
    Post,
    Put,
    Patch,
    Delete,
}

impl Method {
    pub fn parse(s: &str) -> Option<Method> {
        Some(match s.to_ascii_uppercase().as_str() {
            "GET" => Method::Get,
            "POST" => Method::Post,
            "PUT" => Method::Put,
            "PATCH" => Method::Patch,
            "DELETE" => Method::Delete,
            _ => return None,
        })
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Method::Get => "GET",
            Method::Post => "POST",
            Method::Put => "PUT",
            Method::Patch => "PATCH",
            Method::Delete => "DELETE",
        }
    }
}

impl fmt::Display for Method {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One route: `METHOD /path/{id}`, appended to the base URL exactly as written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Route {
    pub method: Method,
    pub path: String,
    /// Not shown by the provider's document; inferred in its style (listed in the README).
    pub inferred: bool,
}

impl Route {
    /// Parses a profile override such as `"POST /v2/fire"`.
    pub fn parse(spec: &str) -> Result<Route, String> {
        let mut parts = spec.split_whitespace();
        let (Some(m), Some(path), None) = (parts.next(), parts.next(), parts.next()) else {
            return Err(format!("route '{spec}' must look like \"METHOD /path/{{id}}\""));
        };
        let method = Method::parse(m)
            .ok_or_else(|| format!("route '{spec}': unknown method '{m}' (GET, POST, PUT, PATCH, DELETE)"))?;
        if !path.starts_with('/') {
            return Err(format!("route '{spec}': the path must start with '/'"));
        }
        Ok(Route { method, path: path.to_string(), inferred: false })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip_and_unknown_ones_list_the_known() {
        for r in RouteName::ALL {
            assert_eq!(r.as_str().parse::<RouteName>(), Ok(r));
        }
        let err = "endpoint.get".parse::<RouteName>().unwrap_err();
        assert!(err.contains("unknown route 'endpoint.get'") && err.contains("endpoints.get"), "{err}");
    }
}
