/// The provider API client (filled in by the provider-API issue).
#[derive(Debug)]
pub struct Client {}
