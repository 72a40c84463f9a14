
use builtin;
use str;

set edit:completion:arg-completer[hookctl] = {|@words|
    fn spaces {|n|
        builtin:repeat $n ' ' | str:join ''
    }
    fn cand {|text desc|
        edit:complex-candidate $text &display=$text' '(spaces (- 14 (wcswidth $text)))$desc
    }
    var command = 'hookctl'
    for word $words[1..-1] {
        if (str:has-prefix $word '-') {
            break
        }
        set command = $command';'$word
    }
    var completions = [
        &'hookctl'= {
            cand --output 'Output format'
            cand --color 'When to use colours (NO_COLOR and CLICOLOR_FORCE are honoured with auto)'
            cand --json 'Same as --output json'
            cand -q 'Print only results and errors'
            cand --quiet 'Print only results and errors'
            cand -v 'Trace requests on stderr (secrets redacted); repeat for more'
            cand --verbose 'Trace requests on stderr (secrets redacted); repeat for more'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand endpoints 'Manage webhook endpoints (partner: subscriptions)'
            cand subscriptions 'Choose which event types an endpoint receives'
            cand fire 'Fire an event for a test case (partner) and optionally wait until it is delivered'
            cand test 'Send a provider test event to an endpoint (closient, personio)'
            cand replay 'Replay a provider delivery, or re-send captured requests from a file'
            cand events 'Read the provider''s event log, or wait for rows to appear'
            cand listen 'Run a local receiver that verifies, shows, captures and forwards webhooks'
            cand verify 'Verify a webhook signature offline'
            cand sign 'Print the signature headers a provider would send for a body'
            cand send 'Sign a sample event and POST it to a URL'
            cand probe 'Check that a handler accepts genuine deliveries and rejects forged ones'
            cand sandbox 'Run a local emulator of the four provider APIs, with a real delivery pipeline'
            cand demo 'Show the whole loop offline: sandbox, verifying listener, fire, wait, test, replay'
            cand config 'Manage profiles in the config file'
            cand completions 'Print shell completions'
            cand man 'Write man pages'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'hookctl;endpoints'= {
            cand --profile 'Profile from the config file [env: HOOKCTL_PROFILE]'
            cand --provider 'Provider preset: partner (debitura), closient, xpath, personio [env: HOOKCTL_PROVIDER]'
            cand --base-url 'Base URL of the provider API [env: HOOKCTL_BASE_URL]'
            cand --token 'API token; prefer HOOKCTL_TOKEN, command lines end up in shell history [env: HOOKCTL_TOKEN, with --sandbox HOOKCTL_SANDBOX_TOKEN]'
            cand --sandbox 'Talk to a running `hookctl sandbox` instead of the provider (without URL: HOOKCTL_SANDBOX''s, else http://127.0.0.1:8788): base URL <sandbox>/<provider>, its default token unless --token or HOOKCTL_SANDBOX_TOKEN; --base-url beats HOOKCTL_SANDBOX [env: HOOKCTL_SANDBOX]'
            cand --request-timeout 'How long each API request may take (30s, 2m, 500ms; a bare number is seconds) [default: 30s] [env: HOOKCTL_HTTP_TIMEOUT]'
            cand --output 'Output format'
            cand --color 'When to use colours (NO_COLOR and CLICOLOR_FORCE are honoured with auto)'
            cand --json 'Same as --output json'
            cand -q 'Print only results and errors'
            cand --quiet 'Print only results and errors'
            cand -v 'Trace requests on stderr (secrets redacted); repeat for more'
            cand --verbose 'Trace requests on stderr (secrets redacted); repeat for more'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand list 'List endpoints'
            cand get 'Show one endpoint'
            cand create 'Register an endpoint; prints its signing secret once'
            cand update 'Change an endpoint''s URL, events, description or status'
            cand delete 'Delete an endpoint (asks on a terminal)'
            cand pause 'Stop deliveries to an endpoint'
            cand resume 'Resume deliveries to an endpoint'
            cand cleanup 'Delete temporary endpoints left behind by `listen --register` runs that were killed'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'hookctl;endpoints;list'= {
            cand --profile 'Profile from the config file [env: HOOKCTL_PROFILE]'
            cand --provider 'Provider preset: partner (debitura), closient, xpath, personio [env: HOOKCTL_PROVIDER]'
            cand --base-url 'Base URL of the provider API [env: HOOKCTL_BASE_URL]'
            cand --token 'API token; prefer HOOKCTL_TOKEN, command lines end up in shell history [env: HOOKCTL_TOKEN, with --sandbox HOOKCTL_SANDBOX_TOKEN]'
            cand --sandbox 'Talk to a running `hookctl sandbox` instead of the provider (without URL: HOOKCTL_SANDBOX''s, else http://127.0.0.1:8788): base URL <sandbox>/<provider>, its default token unless --token or HOOKCTL_SANDBOX_TOKEN; --base-url beats HOOKCTL_SANDBOX [env: HOOKCTL_SANDBOX]'
            cand --request-timeout 'How long each API request may take (30s, 2m, 500ms; a bare number is seconds) [default: 30s] [env: HOOKCTL_HTTP_TIMEOUT]'
            cand --output 'Output format'
            cand --color 'When to use colours (NO_COLOR and CLICOLOR_FORCE are honoured with auto)'
            cand --json 'Same as --output json'
            cand -q 'Print only results and errors'
            cand --quiet 'Print only results and errors'
            cand -v 'Trace requests on stderr (secrets redacted); repeat for more'
            cand --verbose 'Trace requests on stderr (secrets redacted); repeat for more'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'hookctl;endpoints;get'= {
            cand --profile 'Profile from the config file [env: HOOKCTL_PROFILE]'
            cand --provider 'Provider preset: partner (debitura), closient, xpath, personio [env: HOOKCTL_PROVIDER]'
            cand --base-url 'Base URL of the provider API [env: HOOKCTL_BASE_URL]'
            cand --token 'API token; prefer HOOKCTL_TOKEN, command lines end up in shell history [env: HOOKCTL_TOKEN, with --sandbox HOOKCTL_SANDBOX_TOKEN]'
            cand --sandbox 'Talk to a running `hookctl sandbox` instead of the provider (without URL: HOOKCTL_SANDBOX''s, else http://127.0.0.1:8788): base URL <sandbox>/<provider>, its default token unless --token or HOOKCTL_SANDBOX_TOKEN; --base-url beats HOOKCTL_SANDBOX [env: HOOKCTL_SANDBOX]'
            cand --request-timeout 'How long each API request may take (30s, 2m, 500ms; a bare number is seconds) [default: 30s] [env: HOOKCTL_HTTP_TIMEOUT]'
            cand --output 'Output format'
            cand --color 'When to use colours (NO_COLOR and CLICOLOR_FORCE are honoured with auto)'
            cand --json 'Same as --output json'
            cand -q 'Print only results and errors'
            cand --quiet 'Print only results and errors'
            cand -v 'Trace requests on stderr (secrets redacted); repeat for more'
            cand --verbose 'Trace requests on stderr (secrets redacted); repeat for more'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'hookctl;endpoints;create'= {
            cand --url 'Destination URL'
            cand --event 'Event type to subscribe to; repeatable'
            cand --description 'Label'
            cand --profile 'Profile from the config file [env: HOOKCTL_PROFILE]'
            cand --provider 'Provider preset: partner (debitura), closient, xpath, personio [env: HOOKCTL_PROVIDER]'
            cand --base-url 'Base URL of the provider API [env: HOOKCTL_BASE_URL]'
            cand --token 'API token; prefer HOOKCTL_TOKEN, command lines end up in shell history [env: HOOKCTL_TOKEN, with --sandbox HOOKCTL_SANDBOX_TOKEN]'
            cand --sandbox 'Talk to a running `hookctl sandbox` instead of the provider (without URL: HOOKCTL_SANDBOX''s, else http://127.0.0.1:8788): base URL <sandbox>/<provider>, its default token unless --token or HOOKCTL_SANDBOX_TOKEN; --base-url beats HOOKCTL_SANDBOX [env: HOOKCTL_SANDBOX]'
            cand --request-timeout 'How long each API request may take (30s, 2m, 500ms; a bare number is seconds) [default: 30s] [env: HOOKCTL_HTTP_TIMEOUT]'
            cand --output 'Output format'
            cand --color 'When to use colours (NO_COLOR and CLICOLOR_FORCE are honoured with auto)'
            cand --paused 'Create it paused'
            cand --save-secret 'Store the returned signing secret in the current profile without asking'
            cand --json 'Same as --output json'
            cand -q 'Print only results and errors'
            cand --quiet 'Print only results and errors'
            cand -v 'Trace requests on stderr (secrets redacted); repeat for more'
            cand --verbose 'Trace requests on stderr (secrets redacted); repeat for more'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'hookctl;endpoints;update'= {
            cand --url 'New destination URL'
            cand --event 'Replace the subscribed event types; repeatable'
            cand --description 'New label'
            cand --profile 'Profile from the config file [env: HOOKCTL_PROFILE]'
            cand --provider 'Provider preset: partner (debitura), closient, xpath, personio [env: HOOKCTL_PROVIDER]'
            cand --base-url 'Base URL of the provider API [env: HOOKCTL_BASE_URL]'
            cand --token 'API token; prefer HOOKCTL_TOKEN, command lines end up in shell history [env: HOOKCTL_TOKEN, with --sandbox HOOKCTL_SANDBOX_TOKEN]'
            cand --sandbox 'Talk to a running `hookctl sandbox` instead of the provider (without URL: HOOKCTL_SANDBOX''s, else http://127.0.0.1:8788): base URL <sandbox>/<provider>, its default token unless --token or HOOKCTL_SANDBOX_TOKEN; --base-url beats HOOKCTL_SANDBOX [env: HOOKCTL_SANDBOX]'
            cand --request-timeout 'How long each API request may take (30s, 2m, 500ms; a bare number is seconds) [default: 30s] [env: HOOKCTL_HTTP_TIMEOUT]'
            cand --output 'Output format'
            cand --color 'When to use colours (NO_COLOR and CLICOLOR_FORCE are honoured with auto)'
            cand --json 'Same as --output json'
            cand -q 'Print only results and errors'
            cand --quiet 'Print only results and errors'
            cand -v 'Trace requests on stderr (secrets redacted); repeat for more'
            cand --verbose 'Trace requests on stderr (secrets redacted); repeat for more'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'hookctl;endpoints;delete'= {
            cand --profile 'Profile from the config file [env: HOOKCTL_PROFILE]'
            cand --provider 'Provider preset: partner (debitura), closient, xpath, personio [env: HOOKCTL_PROVIDER]'
            cand --base-url 'Base URL of the provider API [env: HOOKCTL_BASE_URL]'
            cand --token 'API token; prefer HOOKCTL_TOKEN, command lines end up in shell history [env: HOOKCTL_TOKEN, with --sandbox HOOKCTL_SANDBOX_TOKEN]'
            cand --sandbox 'Talk to a running `hookctl sandbox` instead of the provider (without URL: HOOKCTL_SANDBOX''s, else http://127.0.0.1:8788): base URL <sandbox>/<provider>, its default token unless --token or HOOKCTL_SANDBOX_TOKEN; --base-url beats HOOKCTL_SANDBOX [env: HOOKCTL_SANDBOX]'
            cand --request-timeout 'How long each API request may take (30s, 2m, 500ms; a bare number is seconds) [default: 30s] [env: HOOKCTL_HTTP_TIMEOUT]'
            cand --output 'Output format'
            cand --color 'When to use colours (NO_COLOR and CLICOLOR_FORCE are honoured with auto)'
            cand -y 'Do not ask for confirmation'
            cand --yes 'Do not ask for confirmation'
            cand --json 'Same as --output json'
            cand -q 'Print only results and errors'
            cand --quiet 'Print only results and errors'
            cand -v 'Trace requests on stderr (secrets redacted); repeat for more'
            cand --verbose 'Trace requests on stderr (secrets redacted); repeat for more'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'hookctl;endpoints;pause'= {
            cand --profile 'Profile from the config file [env: HOOKCTL_PROFILE]'
            cand --provider 'Provider preset: partner (debitura), closient, xpath, personio [env: HOOKCTL_PROVIDER]'
            cand --base-url 'Base URL of the provider API [env: HOOKCTL_BASE_URL]'
            cand --token 'API token; prefer HOOKCTL_TOKEN, command lines end up in shell history [env: HOOKCTL_TOKEN, with --sandbox HOOKCTL_SANDBOX_TOKEN]'
            cand --sandbox 'Talk to a running `hookctl sandbox` instead of the provider (without URL: HOOKCTL_SANDBOX''s, else http://127.0.0.1:8788): base URL <sandbox>/<provider>, its default token unless --token or HOOKCTL_SANDBOX_TOKEN; --base-url beats HOOKCTL_SANDBOX [env: HOOKCTL_SANDBOX]'
            cand --request-timeout 'How long each API request may take (30s, 2m, 500ms; a bare number is seconds) [default: 30s] [env: HOOKCTL_HTTP_TIMEOUT]'
            cand --output 'Output format'
            cand --color 'When to use colours (NO_COLOR and CLICOLOR_FORCE are honoured with auto)'
            cand --json 'Same as --output json'
            cand -q 'Print only results and errors'
            cand --quiet 'Print only results and errors'
            cand -v 'Trace requests on stderr (secrets redacted); repeat for more'
            cand --verbose 'Trace requests on stderr (secrets redacted); repeat for more'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'hookctl;endpoints;resume'= {
            cand --profile 'Profile from the config file [env: HOOKCTL_PROFILE]'
            cand --provider 'Provider preset: partner (debitura), closient, xpath, personio [env: HOOKCTL_PROVIDER]'
            cand --base-url 'Base URL of the provider API [env: HOOKCTL_BASE_URL]'
            cand --token 'API token; prefer HOOKCTL_TOKEN, command lines end up in shell history [env: HOOKCTL_TOKEN, with --sandbox HOOKCTL_SANDBOX_TOKEN]'
            cand --sandbox 'Talk to a running `hookctl sandbox` instead of the provider (without URL: HOOKCTL_SANDBOX''s, else http://127.0.0.1:8788): base URL <sandbox>/<provider>, its default token unless --token or HOOKCTL_SANDBOX_TOKEN; --base-url beats HOOKCTL_SANDBOX [env: HOOKCTL_SANDBOX]'
            cand --request-timeout 'How long each API request may take (30s, 2m, 500ms; a bare number is seconds) [default: 30s] [env: HOOKCTL_HTTP_TIMEOUT]'
            cand --output 'Output format'
            cand --color 'When to use colours (NO_COLOR and CLICOLOR_FORCE are honoured with auto)'
            cand --json 'Same as --output json'
            cand -q 'Print only results and errors'
            cand --quiet 'Print only results and errors'
            cand -v 'Trace requests on stderr (secrets redacted); repeat for more'
            cand --verbose 'Trace requests on stderr (secrets redacted); repeat for more'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'hookctl;endpoints;cleanup'= {
            cand --profile 'Profile from the config file [env: HOOKCTL_PROFILE]'
            cand --provider 'Provider preset: partner (debitura), closient, xpath, personio [env: HOOKCTL_PROVIDER]'
            cand --base-url 'Base URL of the provider API [env: HOOKCTL_BASE_URL]'
            cand --token 'API token; prefer HOOKCTL_TOKEN, command lines end up in shell history [env: HOOKCTL_TOKEN, with --sandbox HOOKCTL_SANDBOX_TOKEN]'
            cand --sandbox 'Talk to a running `hookctl sandbox` instead of the provider (without URL: HOOKCTL_SANDBOX''s, else http://127.0.0.1:8788): base URL <sandbox>/<provider>, its default token unless --token or HOOKCTL_SANDBOX_TOKEN; --base-url beats HOOKCTL_SANDBOX [env: HOOKCTL_SANDBOX]'
            cand --request-timeout 'How long each API request may take (30s, 2m, 500ms; a bare number is seconds) [default: 30s] [env: HOOKCTL_HTTP_TIMEOUT]'
            cand --output 'Output format'
            cand --color 'When to use colours (NO_COLOR and CLICOLOR_FORCE are honoured with auto)'
            cand --json 'Same as --output json'
            cand -q 'Print only results and errors'
            cand --quiet 'Print only results and errors'
            cand -v 'Trace requests on stderr (secrets redacted); repeat for more'
            cand --verbose 'Trace requests on stderr (secrets redacted); repeat for more'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'hookctl;endpoints;help'= {
            cand list 'List endpoints'
            cand get 'Show one endpoint'
            cand create 'Register an endpoint; prints its signing secret once'
            cand update 'Change an endpoint''s URL, events, description or status'
            cand delete 'Delete an endpoint (asks on a terminal)'
            cand pause 'Stop deliveries to an endpoint'
            cand resume 'Resume deliveries to an endpoint'
            cand cleanup 'Delete temporary endpoints left behind by `listen --register` runs that were killed'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'hookctl;endpoints;help;list'= {
        }
        &'hookctl;endpoints;help;get'= {
        }
        &'hookctl;endpoints;help;create'= {
        }
        &'hookctl;endpoints;help;update'= {
        }
        &'hookctl;endpoints;help;delete'= {
        }
        &'hookctl;endpoints;help;pause'= {
        }
        &'hookctl;endpoints;help;resume'= {
        }
        &'hookctl;endpoints;help;cleanup'= {
        }
        &'hookctl;endpoints;help;help'= {
        }
        &'hookctl;subscriptions'= {
            cand --profile 'Profile from the config file [env: HOOKCTL_PROFILE]'
            cand --provider 'Provider preset: partner (debitura), closient, xpath, personio [env: HOOKCTL_PROVIDER]'
            cand --base-url 'Base URL of the provider API [env: HOOKCTL_BASE_URL]'
            cand --token 'API token; prefer HOOKCTL_TOKEN, command lines end up in shell history [env: HOOKCTL_TOKEN, with --sandbox HOOKCTL_SANDBOX_TOKEN]'
            cand --sandbox 'Talk to a running `hookctl sandbox` instead of the provider (without URL: HOOKCTL_SANDBOX''s, else http://127.0.0.1:8788): base URL <sandbox>/<provider>, its default token unless --token or HOOKCTL_SANDBOX_TOKEN; --base-url beats HOOKCTL_SANDBOX [env: HOOKCTL_SANDBOX]'
            cand --request-timeout 'How long each API request may take (30s, 2m, 500ms; a bare number is seconds) [default: 30s] [env: HOOKCTL_HTTP_TIMEOUT]'
            cand --output 'Output format'
            cand --color 'When to use colours (NO_COLOR and CLICOLOR_FORCE are honoured with auto)'
            cand --json 'Same as --output json'
            cand -q 'Print only results and errors'
            cand --quiet 'Print only results and errors'
            cand -v 'Trace requests on stderr (secrets redacted); repeat for more'
            cand --verbose 'Trace requests on stderr (secrets redacted); repeat for more'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand list 'Event types each endpoint receives (or one endpoint''s)'
            cand types 'The provider''s event catalog'
            cand add 'Subscribe an endpoint to more event types'
            cand remove 'Unsubscribe an endpoint from event types'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'hookctl;subscriptions;list'= {
            cand --profile 'Profile from the config file [env: HOOKCTL_PROFILE]'
            cand --provider 'Provider preset: partner (debitura), closient, xpath, personio [env: HOOKCTL_PROVIDER]'
            cand --base-url 'Base URL of the provider API [env: HOOKCTL_BASE_URL]'
            cand --token 'API token; prefer HOOKCTL_TOKEN, command lines end up in shell history [env: HOOKCTL_TOKEN, with --sandbox HOOKCTL_SANDBOX_TOKEN]'
            cand --sandbox 'Talk to a running `hookctl sandbox` instead of the provider (without URL: HOOKCTL_SANDBOX''s, else http://127.0.0.1:8788): base URL <sandbox>/<provider>, its default token unless --token or HOOKCTL_SANDBOX_TOKEN; --base-url beats HOOKCTL_SANDBOX [env: HOOKCTL_SANDBOX]'
            cand --request-timeout 'How long each API request may take (30s, 2m, 500ms; a bare number is seconds) [default: 30s] [env: HOOKCTL_HTTP_TIMEOUT]'
            cand --output 'Output format'
            cand --color 'When to use colours (NO_COLOR and CLICOLOR_FORCE are honoured with auto)'
            cand --json 'Same as --output json'
            cand -q 'Print only results and errors'
            cand --quiet 'Print only results and errors'
            cand -v 'Trace requests on stderr (secrets redacted); repeat for more'
            cand --verbose 'Trace requests on stderr (secrets redacted); repeat for more'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'hookctl;subscriptions;types'= {
            cand --profile 'Profile from the config file [env: HOOKCTL_PROFILE]'
            cand --provider 'Provider preset: partner (debitura), closient, xpath, personio [env: HOOKCTL_PROVIDER]'
            cand --base-url 'Base URL of the provider API [env: HOOKCTL_BASE_URL]'
            cand --token 'API token; prefer HOOKCTL_TOKEN, command lines end up in shell history [env: HOOKCTL_TOKEN, with --sandbox HOOKCTL_SANDBOX_TOKEN]'
            cand --sandbox 'Talk to a running `hookctl sandbox` instead of the provider (without URL: HOOKCTL_SANDBOX''s, else http://127.0.0.1:8788): base URL <sandbox>/<provider>, its default token unless --token or HOOKCTL_SANDBOX_TOKEN; --base-url beats HOOKCTL_SANDBOX [env: HOOKCTL_SANDBOX]'
            cand --request-timeout 'How long each API request may take (30s, 2m, 500ms; a bare number is seconds) [default: 30s] [env: HOOKCTL_HTTP_TIMEOUT]'
            cand --output 'Output format'
            cand --color 'When to use colours (NO_COLOR and CLICOLOR_FORCE are honoured with auto)'
            cand --json 'Same as --output json'
            cand -q 'Print only results and errors'
            cand --quiet 'Print only results and errors'
            cand -v 'Trace requests on stderr (secrets redacted); repeat for more'
            cand --verbose 'Trace requests on stderr (secrets redacted); repeat for more'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'hookctl;subscriptions;add'= {
            cand --profile 'Profile from the config file [env: HOOKCTL_PROFILE]'
            cand --provider 'Provider preset: partner (debitura), closient, xpath, personio [env: HOOKCTL_PROVIDER]'
            cand --base-url 'Base URL of the provider API [env: HOOKCTL_BASE_URL]'
            cand --token 'API token; prefer HOOKCTL_TOKEN, command lines end up in shell history [env: HOOKCTL_TOKEN, with --sandbox HOOKCTL_SANDBOX_TOKEN]'
            cand --sandbox 'Talk to a running `hookctl sandbox` instead of the provider (without URL: HOOKCTL_SANDBOX''s, else http://127.0.0.1:8788): base URL <sandbox>/<provider>, its default token unless --token or HOOKCTL_SANDBOX_TOKEN; --base-url beats HOOKCTL_SANDBOX [env: HOOKCTL_SANDBOX]'
            cand --request-timeout 'How long each API request may take (30s, 2m, 500ms; a bare number is seconds) [default: 30s] [env: HOOKCTL_HTTP_TIMEOUT]'
            cand --output 'Output format'
            cand --color 'When to use colours (NO_COLOR and CLICOLOR_FORCE are honoured with auto)'
            cand --json 'Same as --output json'
            cand -q 'Print only results and errors'
            cand --quiet 'Print only results and errors'
            cand -v 'Trace requests on stderr (secrets redacted); repeat for more'
            cand --verbose 'Trace requests on stderr (secrets redacted); repeat for more'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'hookctl;subscriptions;remove'= {
            cand --profile 'Profile from the config file [env: HOOKCTL_PROFILE]'
            cand --provider 'Provider preset: partner (debitura), closient, xpath, personio [env: HOOKCTL_PROVIDER]'
            cand --base-url 'Base URL of the provider API [env: HOOKCTL_BASE_URL]'
            cand --token 'API token; prefer HOOKCTL_TOKEN, command lines end up in shell history [env: HOOKCTL_TOKEN, with --sandbox HOOKCTL_SANDBOX_TOKEN]'
            cand --sandbox 'Talk to a running `hookctl sandbox` instead of the provider (without URL: HOOKCTL_SANDBOX''s, else http://127.0.0.1:8788): base URL <sandbox>/<provider>, its default token unless --token or HOOKCTL_SANDBOX_TOKEN; --base-url beats HOOKCTL_SANDBOX [env: HOOKCTL_SANDBOX]'
            cand --request-timeout 'How long each API request may take (30s, 2m, 500ms; a bare number is seconds) [default: 30s] [env: HOOKCTL_HTTP_TIMEOUT]'
            cand --output 'Output format'
            cand --color 'When to use colours (NO_COLOR and CLICOLOR_FORCE are honoured with auto)'
            cand --json 'Same as --output json'
            cand -q 'Print only results and errors'
            cand --quiet 'Print only results and errors'
            cand -v 'Trace requests on stderr (secrets redacted); repeat for more'
            cand --verbose 'Trace requests on stderr (secrets redacted); repeat for more'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'hookctl;subscriptions;help'= {
            cand list 'Event types each endpoint receives (or one endpoint''s)'
            cand types 'The provider''s event catalog'
            cand add 'Subscribe an endpoint to more event types'
            cand remove 'Unsubscribe an endpoint from event types'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'hookctl;subscriptions;help;list'= {
        }
        &'hookctl;subscriptions;help;types'= {
        }
        &'hookctl;subscriptions;help;add'= {
        }
        &'hookctl;subscriptions;help;remove'= {
        }
        &'hookctl;subscriptions;help;help'= {
        }
        &'hookctl;fire'= {
            cand --case 'Test case id'
            cand --subscription 'Fire only to this test subscription'
            cand --timeout 'With --wait: how long to wait for the outcome (30s, 2m, 500ms; a bare number is seconds)'
            cand --profile 'Profile from the config file [env: HOOKCTL_PROFILE]'
            cand --provider 'Provider preset: partner (debitura), closient, xpath, personio [env: HOOKCTL_PROVIDER]'
            cand --base-url 'Base URL of the provider API [env: HOOKCTL_BASE_URL]'
            cand --token 'API token; prefer HOOKCTL_TOKEN, command lines end up in shell history [env: HOOKCTL_TOKEN, with --sandbox HOOKCTL_SANDBOX_TOKEN]'
            cand --sandbox 'Talk to a running `hookctl sandbox` instead of the provider (without URL: HOOKCTL_SANDBOX''s, else http://127.0.0.1:8788): base URL <sandbox>/<provider>, its default token unless --token or HOOKCTL_SANDBOX_TOKEN; --base-url beats HOOKCTL_SANDBOX [env: HOOKCTL_SANDBOX]'
            cand --request-timeout 'How long each API request may take (30s, 2m, 500ms; a bare number is seconds) [default: 30s] [env: HOOKCTL_HTTP_TIMEOUT]'
            cand --output 'Output format'
            cand --color 'When to use colours (NO_COLOR and CLICOLOR_FORCE are honoured with auto)'
            cand --wait 'Wait until the deliveries it started are terminal (delivered or failed)'
            cand --require-delivery 'Exit 6 when nothing was enqueued (no matching test subscription), with or without --wait'
            cand --json 'Same as --output json'
            cand -q 'Print only results and errors'
            cand --quiet 'Print only results and errors'
            cand -v 'Trace requests on stderr (secrets redacted); repeat for more'
            cand --verbose 'Trace requests on stderr (secrets redacted); repeat for more'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'hookctl;test'= {
            cand --event 'Event to send (personio: required, e.g. person.updated)'
            cand --field 'Payload field as key=value in dot notation (personio payload_data); repeatable'
            cand --data 'The old name of --field (before --data meant a body everywhere); warns when used'
            cand --timeout 'With --wait: how long to wait for the outcome (30s, 2m, 500ms; a bare number is seconds)'
            cand --profile 'Profile from the config file [env: HOOKCTL_PROFILE]'
            cand --provider 'Provider preset: partner (debitura), closient, xpath, personio [env: HOOKCTL_PROVIDER]'
            cand --base-url 'Base URL of the provider API [env: HOOKCTL_BASE_URL]'
            cand --token 'API token; prefer HOOKCTL_TOKEN, command lines end up in shell history [env: HOOKCTL_TOKEN, with --sandbox HOOKCTL_SANDBOX_TOKEN]'
            cand --sandbox 'Talk to a running `hookctl sandbox` instead of the provider (without URL: HOOKCTL_SANDBOX''s, else http://127.0.0.1:8788): base URL <sandbox>/<provider>, its default token unless --token or HOOKCTL_SANDBOX_TOKEN; --base-url beats HOOKCTL_SANDBOX [env: HOOKCTL_SANDBOX]'
            cand --request-timeout 'How long each API request may take (30s, 2m, 500ms; a bare number is seconds) [default: 30s] [env: HOOKCTL_HTTP_TIMEOUT]'
            cand --output 'Output format'
            cand --color 'When to use colours (NO_COLOR and CLICOLOR_FORCE are honoured with auto)'
            cand --wait 'Wait until the deliveries it started are terminal (delivered or failed)'
            cand --json 'Same as --output json'
            cand -q 'Print only results and errors'
            cand --quiet 'Print only results and errors'
            cand -v 'Trace requests on stderr (secrets redacted); repeat for more'
            cand --verbose 'Trace requests on stderr (secrets redacted); repeat for more'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'hookctl;replay'= {
            cand --timeout 'With --wait: how long to wait for the outcome (30s, 2m, 500ms; a bare number is seconds) [default: 30s]'
            cand --from 'Re-send requests captured by `listen --capture` from this file'
            cand --to 'Target URL for a local replay'
            cand --id 'Replay the record with this id'
            cand --last 'Replay the last N records'
            cand --match 'Only records whose content matches: PATH=VALUE, PATH!=VALUE, PATH~REGEX or PATH (a dot path into the JSON body, or header.NAME); repeatable, all must hold; alone, replays every matching record'
            cand --secret 'Secret for --resign [env: HOOKCTL_SECRET]'
            cand --scheme 'Scheme for --resign (default: the one recorded in the capture)'
            cand --profile 'Profile from the config file [env: HOOKCTL_PROFILE]'
            cand --provider 'Provider preset: partner (debitura), closient, xpath, personio [env: HOOKCTL_PROVIDER]'
            cand --base-url 'Base URL of the provider API [env: HOOKCTL_BASE_URL]'
            cand --token 'API token; prefer HOOKCTL_TOKEN, command lines end up in shell history [env: HOOKCTL_TOKEN, with --sandbox HOOKCTL_SANDBOX_TOKEN]'
            cand --sandbox 'Talk to a running `hookctl sandbox` instead of the provider (without URL: HOOKCTL_SANDBOX''s, else http://127.0.0.1:8788): base URL <sandbox>/<provider>, its default token unless --token or HOOKCTL_SANDBOX_TOKEN; --base-url beats HOOKCTL_SANDBOX [env: HOOKCTL_SANDBOX]'
            cand --request-timeout 'How long each API request may take (30s, 2m, 500ms; a bare number is seconds) [default: 30s] [env: HOOKCTL_HTTP_TIMEOUT]'
            cand --output 'Output format'
            cand --color 'When to use colours (NO_COLOR and CLICOLOR_FORCE are honoured with auto)'
            cand --wait 'Wait until the replayed delivery is terminal'
            cand --all 'Replay every record'
            cand --resign 'Re-sign with a fresh id and timestamp (old timestamps fail the 5-minute tolerance)'
            cand --json 'Same as --output json'
            cand -q 'Print only results and errors'
            cand --quiet 'Print only results and errors'
            cand -v 'Trace requests on stderr (secrets redacted); repeat for more'
            cand --verbose 'Trace requests on stderr (secrets redacted); repeat for more'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'hookctl;events'= {
            cand --profile 'Profile from the config file [env: HOOKCTL_PROFILE]'
            cand --provider 'Provider preset: partner (debitura), closient, xpath, personio [env: HOOKCTL_PROVIDER]'
            cand --base-url 'Base URL of the provider API [env: HOOKCTL_BASE_URL]'
            cand --token 'API token; prefer HOOKCTL_TOKEN, command lines end up in shell history [env: HOOKCTL_TOKEN, with --sandbox HOOKCTL_SANDBOX_TOKEN]'
            cand --sandbox 'Talk to a running `hookctl sandbox` instead of the provider (without URL: HOOKCTL_SANDBOX''s, else http://127.0.0.1:8788): base URL <sandbox>/<provider>, its default token unless --token or HOOKCTL_SANDBOX_TOKEN; --base-url beats HOOKCTL_SANDBOX [env: HOOKCTL_SANDBOX]'
            cand --request-timeout 'How long each API request may take (30s, 2m, 500ms; a bare number is seconds) [default: 30s] [env: HOOKCTL_HTTP_TIMEOUT]'
            cand --output 'Output format'
            cand --color 'When to use colours (NO_COLOR and CLICOLOR_FORCE are honoured with auto)'
            cand --json 'Same as --output json'
            cand -q 'Print only results and errors'
            cand --quiet 'Print only results and errors'
            cand -v 'Trace requests on stderr (secrets redacted); repeat for more'
            cand --verbose 'Trace requests on stderr (secrets redacted); repeat for more'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand list 'List rows of the event log'
            cand get 'Show one row'
            cand wait 'Wait until N new matching rows appear and are terminal'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'hookctl;events;list'= {
            cand --case 'Case id (partner: required)'
            cand --type 'Event type'
            cand --endpoint 'Endpoint id (closient deliveries)'
            cand --since 'Only rows created at or after this time (ISO-8601)'
            cand --profile 'Profile from the config file [env: HOOKCTL_PROFILE]'
            cand --provider 'Provider preset: partner (debitura), closient, xpath, personio [env: HOOKCTL_PROVIDER]'
            cand --base-url 'Base URL of the provider API [env: HOOKCTL_BASE_URL]'
            cand --token 'API token; prefer HOOKCTL_TOKEN, command lines end up in shell history [env: HOOKCTL_TOKEN, with --sandbox HOOKCTL_SANDBOX_TOKEN]'
            cand --sandbox 'Talk to a running `hookctl sandbox` instead of the provider (without URL: HOOKCTL_SANDBOX''s, else http://127.0.0.1:8788): base URL <sandbox>/<provider>, its default token unless --token or HOOKCTL_SANDBOX_TOKEN; --base-url beats HOOKCTL_SANDBOX [env: HOOKCTL_SANDBOX]'
            cand --request-timeout 'How long each API request may take (30s, 2m, 500ms; a bare number is seconds) [default: 30s] [env: HOOKCTL_HTTP_TIMEOUT]'
            cand --output 'Output format'
            cand --color 'When to use colours (NO_COLOR and CLICOLOR_FORCE are honoured with auto)'
            cand --json 'Same as --output json'
            cand -q 'Print only results and errors'
            cand --quiet 'Print only results and errors'
            cand -v 'Trace requests on stderr (secrets redacted); repeat for more'
            cand --verbose 'Trace requests on stderr (secrets redacted); repeat for more'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'hookctl;events;get'= {
            cand --profile 'Profile from the config file [env: HOOKCTL_PROFILE]'
            cand --provider 'Provider preset: partner (debitura), closient, xpath, personio [env: HOOKCTL_PROVIDER]'
            cand --base-url 'Base URL of the provider API [env: HOOKCTL_BASE_URL]'
            cand --token 'API token; prefer HOOKCTL_TOKEN, command lines end up in shell history [env: HOOKCTL_TOKEN, with --sandbox HOOKCTL_SANDBOX_TOKEN]'
            cand --sandbox 'Talk to a running `hookctl sandbox` instead of the provider (without URL: HOOKCTL_SANDBOX''s, else http://127.0.0.1:8788): base URL <sandbox>/<provider>, its default token unless --token or HOOKCTL_SANDBOX_TOKEN; --base-url beats HOOKCTL_SANDBOX [env: HOOKCTL_SANDBOX]'
            cand --request-timeout 'How long each API request may take (30s, 2m, 500ms; a bare number is seconds) [default: 30s] [env: HOOKCTL_HTTP_TIMEOUT]'
            cand --output 'Output format'
            cand --color 'When to use colours (NO_COLOR and CLICOLOR_FORCE are honoured with auto)'
            cand --json 'Same as --output json'
            cand -q 'Print only results and errors'
            cand --quiet 'Print only results and errors'
            cand -v 'Trace requests on stderr (secrets redacted); repeat for more'
            cand --verbose 'Trace requests on stderr (secrets redacted); repeat for more'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'hookctl;events;wait'= {
            cand --case 'Case id (partner: required)'
            cand --type 'Event type'
            cand --endpoint 'Endpoint id (closient deliveries)'
            cand --since 'Only rows created at or after this time (ISO-8601)'
            cand --count 'How many new rows to wait for'
            cand --timeout 'How long to wait for the outcome (30s, 2m, 500ms; a bare number is seconds)'
            cand --match 'Only rows whose content matches: PATH=VALUE, PATH!=VALUE, PATH~REGEX or PATH (a dot path into the row''s JSON); repeatable, all must hold'
            cand --profile 'Profile from the config file [env: HOOKCTL_PROFILE]'
            cand --provider 'Provider preset: partner (debitura), closient, xpath, personio [env: HOOKCTL_PROVIDER]'
            cand --base-url 'Base URL of the provider API [env: HOOKCTL_BASE_URL]'
            cand --token 'API token; prefer HOOKCTL_TOKEN, command lines end up in shell history [env: HOOKCTL_TOKEN, with --sandbox HOOKCTL_SANDBOX_TOKEN]'
            cand --sandbox 'Talk to a running `hookctl sandbox` instead of the provider (without URL: HOOKCTL_SANDBOX''s, else http://127.0.0.1:8788): base URL <sandbox>/<provider>, its default token unless --token or HOOKCTL_SANDBOX_TOKEN; --base-url beats HOOKCTL_SANDBOX [env: HOOKCTL_SANDBOX]'
            cand --request-timeout 'How long each API request may take (30s, 2m, 500ms; a bare number is seconds) [default: 30s] [env: HOOKCTL_HTTP_TIMEOUT]'
            cand --output 'Output format'
            cand --color 'When to use colours (NO_COLOR and CLICOLOR_FORCE are honoured with auto)'
            cand --json 'Same as --output json'
            cand -q 'Print only results and errors'
            cand --quiet 'Print only results and errors'
            cand -v 'Trace requests on stderr (secrets redacted); repeat for more'
            cand --verbose 'Trace requests on stderr (secrets redacted); repeat for more'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'hookctl;events;help'= {
            cand list 'List rows of the event log'
            cand get 'Show one row'
            cand wait 'Wait until N new matching rows appear and are terminal'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'hookctl;events;help;list'= {
        }
        &'hookctl;events;help;get'= {
        }
        &'hookctl;events;help;wait'= {
        }
        &'hookctl;events;help;help'= {
        }
        &'hookctl;listen'= {
            cand --host 'Address to bind'
            cand -p 'Port to bind; 0 picks a free one'
            cand --port 'Port to bind; 0 picks a free one'
            cand --path 'Only accept requests under this path prefix (default: any path)'
            cand --secret 'Signing secret; repeat for rotation [env: HOOKCTL_SECRET]'
            cand --scheme 'Signature scheme'
            cand --forward-to 'Pass each valid request on to this URL (+ the path below --path and the query) and answer with its response; target down → 502, too slow → 504'
            cand --forward-timeout 'How long a forward target may take to answer (30s, 2m, 500ms; a bare number is seconds)'
            cand --route 'Route by event type: ''PATTERN=URL'' (e.g. ''cases.*=http://…'', ''*=http://…''); repeatable'
            cand --capture 'Append one JSON line per request to this file'
            cand --expect 'Exit 0 after N valid deliveries'
            cand --type 'Only count deliveries of this event type toward --expect (''*'' wildcards allowed); the same name as `events --type` (--filter is its old spelling)'
            cand --filter 'Only count deliveries of this event type toward --expect (''*'' wildcards allowed); the same name as `events --type` (--filter is its old spelling)'
            cand --match 'Only count deliveries whose content matches toward --expect: PATH=VALUE, PATH!=VALUE, PATH~REGEX or PATH (a dot path into the JSON body, or header.NAME); repeatable, all must hold'
            cand --timeout 'How long to wait for the outcome: with --expect exit 6 after it (default 60s there), without it stop and exit 0 (30s, 2m, 500ms; a bare number is seconds)'
            cand --max-body 'Largest accepted body (larger: 413): bytes, or with a unit (512KiB, 10MB, 1MiB)'
            cand --header-timeout 'Time a client has to send request headers; also closes idle keep-alive connections (30s, 2m, 500ms; a bare number is seconds)'
            cand --body-timeout 'Time a client has to send the request body (slower: 408) (30s, 2m, 500ms; a bare number is seconds)'
            cand --ui-port 'Port of the inspector (with --ui); 0 picks any free port'
            cand --tunnel 'Expose the listener through a bore server (bore:HOST[:PORT]; PORT = the public port to ask for, any by default); prints the public URL and reconnects when the tunnel drops'
            cand --tunnel-secret 'Secret of the bore server (bore server --secret) [env: HOOKCTL_TUNNEL_SECRET]'
            cand --public-url 'The listener''s public address through your own tunnel or proxy (used by --register)'
            cand --event 'Event type the temporary endpoint subscribes to; repeatable (default: all the provider''s)'
            cand --profile 'Profile from the config file [env: HOOKCTL_PROFILE]'
            cand --provider 'Provider preset: partner (debitura), closient, xpath, personio [env: HOOKCTL_PROVIDER]'
            cand --base-url 'Base URL of the provider API [env: HOOKCTL_BASE_URL]'
            cand --token 'API token; prefer HOOKCTL_TOKEN, command lines end up in shell history [env: HOOKCTL_TOKEN, with --sandbox HOOKCTL_SANDBOX_TOKEN]'
            cand --sandbox 'Talk to a running `hookctl sandbox` instead of the provider (without URL: HOOKCTL_SANDBOX''s, else http://127.0.0.1:8788): base URL <sandbox>/<provider>, its default token unless --token or HOOKCTL_SANDBOX_TOKEN; --base-url beats HOOKCTL_SANDBOX [env: HOOKCTL_SANDBOX]'
            cand --request-timeout 'How long each API request may take (30s, 2m, 500ms; a bare number is seconds) [default: 30s] [env: HOOKCTL_HTTP_TIMEOUT]'
            cand --output 'Output format'
            cand --color 'When to use colours (NO_COLOR and CLICOLOR_FORCE are honoured with auto)'
            cand --allow-invalid 'Do not fail --expect when an invalid signature arrives'
            cand --no-display 'Do not print requests (capture and forward still work)'
            cand --ui 'Serve a web inspector of received requests on 127.0.0.1 (port 4040-4049, the first free)'
            cand --open 'Open the inspector in the default browser (with --ui, when there is a display)'
            cand --register 'Register a temporary endpoint at the provider for this run (verifying with the secret it returns) and delete it on exit'
            cand --allow-unverified 'Allow a public listener (--tunnel, --public-url, a non-loopback --host) without a signing secret (anyone who finds the URL reaches your app)'
            cand --json 'Same as --output json'
            cand -q 'Print only results and errors'
            cand --quiet 'Print only results and errors'
            cand -v 'Trace requests on stderr (secrets redacted); repeat for more'
            cand --verbose 'Trace requests on stderr (secrets redacted); repeat for more'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'hookctl;verify'= {
            cand --scheme 'Signature scheme'
            cand --secret 'Signing secret; repeat for rotation (any match is valid) [env: HOOKCTL_SECRET]'
            cand -H 'A request header as ''Name: value''; repeat for each'
            cand --header 'A request header as ''Name: value''; repeat for each'
            cand --data 'The raw body: the text itself, @FILE to read a file, or - for stdin'
            cand --body-file 'File with the raw body, or - for stdin (same as --data @FILE)'
            cand --at 'Pretend the current time is this Unix timestamp'
            cand --tolerance 'Allowed clock difference, both ways (30s, 2m, 500ms; a bare number is seconds)'
            cand --profile 'Profile from the config file [env: HOOKCTL_PROFILE]'
            cand --output 'Output format'
            cand --color 'When to use colours (NO_COLOR and CLICOLOR_FORCE are honoured with auto)'
            cand --json 'Same as --output json'
            cand -q 'Print only results and errors'
            cand --quiet 'Print only results and errors'
            cand -v 'Trace requests on stderr (secrets redacted); repeat for more'
            cand --verbose 'Trace requests on stderr (secrets redacted); repeat for more'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'hookctl;sign'= {
            cand --scheme 'Signature scheme'
            cand --secret 'Signing secret (whsec_… or whsk_… for ed25519) [env: HOOKCTL_SECRET]'
            cand --data 'The raw body: the text itself, @FILE to read a file, or - for stdin'
            cand --body-file 'File with the raw body, or - for stdin (same as --data @FILE)'
            cand --id 'Message id (default: a fresh msg_… id)'
            cand --at 'Timestamp to sign with (default: now)'
            cand --profile 'Profile from the config file [env: HOOKCTL_PROFILE]'
            cand --output 'Output format'
            cand --color 'When to use colours (NO_COLOR and CLICOLOR_FORCE are honoured with auto)'
            cand --json 'Same as --output json'
            cand -q 'Print only results and errors'
            cand --quiet 'Print only results and errors'
            cand -v 'Trace requests on stderr (secrets redacted); repeat for more'
            cand --verbose 'Trace requests on stderr (secrets redacted); repeat for more'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'hookctl;send'= {
            cand --scheme 'Signature scheme'
            cand --secret 'Signing secret [env: HOOKCTL_SECRET]'
            cand --event 'Event type of the sample payload (e.g. case.assigned, cases.created, person.updated)'
            cand --data 'The raw body: the text itself, @FILE to read a file, or - for stdin'
            cand --body-file 'File with the raw body, or - for stdin (same as --data @FILE)'
            cand -H 'Extra request header ''Name: value'''
            cand --header 'Extra request header ''Name: value'''
            cand --id 'Message id to sign with (default: a fresh msg_… id)'
            cand --at 'Timestamp to sign with (default: now)'
            cand --request-timeout 'How long the handler may take to answer (30s, 2m, 500ms; a bare number is seconds)'
            cand --profile 'Profile from the config file [env: HOOKCTL_PROFILE]'
            cand --output 'Output format'
            cand --color 'When to use colours (NO_COLOR and CLICOLOR_FORCE are honoured with auto)'
            cand --json 'Same as --output json'
            cand -q 'Print only results and errors'
            cand --quiet 'Print only results and errors'
            cand -v 'Trace requests on stderr (secrets redacted); repeat for more'
            cand --verbose 'Trace requests on stderr (secrets redacted); repeat for more'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'hookctl;probe'= {
            cand --secret 'Signing secret the handler verifies with [env: HOOKCTL_SECRET]'
            cand --scheme 'Signature scheme the handler expects'
            cand --event 'Event type of the sample payloads (e.g. case.assigned, cases.created, person.updated)'
            cand --tolerance 'The handler''s allowed clock difference; stale and future timestamps go 1m beyond it (30s, 2m, 500ms; a bare number is seconds)'
            cand -H 'Extra header on every request ''Name: value'' (e.g. your app''s own auth)'
            cand --header 'Extra header on every request ''Name: value'' (e.g. your app''s own auth)'
            cand --junit 'Also write the report as JUnit XML to FILE (one test case per check)'
            cand --request-timeout 'How long the handler may take to answer each request (30s, 2m, 500ms; a bare number is seconds)'
            cand --profile 'Profile from the config file [env: HOOKCTL_PROFILE]'
            cand --output 'Output format'
            cand --color 'When to use colours (NO_COLOR and CLICOLOR_FORCE are honoured with auto)'
            cand --dry-run 'Print the requests as curl commands; send nothing'
            cand --strict 'Fail (instead of warn) when a replayed delivery is accepted again'
            cand --json 'Same as --output json'
            cand -q 'Print only results and errors'
            cand --quiet 'Print only results and errors'
            cand -v 'Trace requests on stderr (secrets redacted); repeat for more'
            cand --verbose 'Trace requests on stderr (secrets redacted); repeat for more'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'hookctl;sandbox'= {
            cand --host 'Address to bind (0.0.0.0 exposes the sandbox to the network: a warning says so)'
            cand -p 'Port to bind; 0 picks a free one [default: 8788; with -- CMD: a free one]'
            cand --port 'Port to bind; 0 picks a free one [default: 8788; with -- CMD: a free one]'
            cand --data-dir 'Directory of the database, used by one sandbox at a time [default: the user''s data dir, e.g. ~/.local/share/hookctl/sandbox; with -- CMD: a fresh temporary one, removed at the end]'
            cand --lag 'How long after its attempt a partner event-log row appears: a duration or MIN..MAX (30s, 2m, 500ms; a bare number is seconds)'
            cand --fail-rate 'Share of attempts (0 to 1) that fail as if the network dropped them'
            cand --retry-schedule 'Pauses before each retry, comma-separated; when they are used up the delivery is dead_letter ("none": no retries) (30s, 2m, 500ms; a bare number is seconds)'
            cand --token 'The token clients must send [default: hookctl-sandbox]'
            cand --seed-url 'Where the seeded endpoints deliver [default: http://127.0.0.1:8787/, `hookctl listen`''s address]'
            cand --header-timeout 'Time a client has to send request headers; also closes idle keep-alive connections (30s, 2m, 500ms; a bare number is seconds)'
            cand --body-timeout 'Time a client has to send the request body (slower: 408) (30s, 2m, 500ms; a bare number is seconds)'
            cand --output 'Output format'
            cand --color 'When to use colours (NO_COLOR and CLICOLOR_FORCE are honoured with auto)'
            cand --json 'Same as --output json'
            cand -q 'Print only results and errors'
            cand --quiet 'Print only results and errors'
            cand -v 'Trace requests on stderr (secrets redacted); repeat for more'
            cand --verbose 'Trace requests on stderr (secrets redacted); repeat for more'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'hookctl;demo'= {
            cand --output 'Output format'
            cand --color 'When to use colours (NO_COLOR and CLICOLOR_FORCE are honoured with auto)'
            cand --keep 'Keep the temporary sandbox database instead of deleting it (its path is printed)'
            cand --json 'Same as --output json'
            cand -q 'Print only results and errors'
            cand --quiet 'Print only results and errors'
            cand -v 'Trace requests on stderr (secrets redacted); repeat for more'
            cand --verbose 'Trace requests on stderr (secrets redacted); repeat for more'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'hookctl;config'= {
            cand --profile 'Profile from the config file [env: HOOKCTL_PROFILE]'
            cand --output 'Output format'
            cand --color 'When to use colours (NO_COLOR and CLICOLOR_FORCE are honoured with auto)'
            cand --json 'Same as --output json'
            cand -q 'Print only results and errors'
            cand --quiet 'Print only results and errors'
            cand -v 'Trace requests on stderr (secrets redacted); repeat for more'
            cand --verbose 'Trace requests on stderr (secrets redacted); repeat for more'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand init 'Create or update a profile from flags, else HOOKCTL_PROVIDER/BASE_URL/TOKEN/SECRET (prompts on a terminal for the rest; refuses when nothing is given)'
            cand list 'List profiles'
            cand show 'Show a profile with secrets masked (default: the one in use)'
            cand set 'Set a key of a profile (default: the one in use); an empty value unsets it'
            cand use 'Make a profile the one used by default'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'hookctl;config;init'= {
            cand --name 'Profile name [default: the --profile given, else "default"]'
            cand --secret 'Webhook signing secret for listen/verify (repeat for rotation)'
            cand --auth-header 'Header carrying the token instead of the preset''s (e.g. XApiKey)'
            cand --provider 'Provider preset: partner (debitura), closient, xpath, personio [env: HOOKCTL_PROVIDER]'
            cand --base-url 'Base URL of the provider API [env: HOOKCTL_BASE_URL]'
            cand --token 'API token; prefer HOOKCTL_TOKEN, command lines end up in shell history [env: HOOKCTL_TOKEN, with --sandbox HOOKCTL_SANDBOX_TOKEN]'
            cand --sandbox 'Talk to a running `hookctl sandbox` instead of the provider (without URL: HOOKCTL_SANDBOX''s, else http://127.0.0.1:8788): base URL <sandbox>/<provider>, its default token unless --token or HOOKCTL_SANDBOX_TOKEN; --base-url beats HOOKCTL_SANDBOX [env: HOOKCTL_SANDBOX]'
            cand --request-timeout 'How long each API request may take (30s, 2m, 500ms; a bare number is seconds) [default: 30s] [env: HOOKCTL_HTTP_TIMEOUT]'
            cand --profile 'Profile from the config file [env: HOOKCTL_PROFILE]'
            cand --output 'Output format'
            cand --color 'When to use colours (NO_COLOR and CLICOLOR_FORCE are honoured with auto)'
            cand --no-input 'Never prompt, even on a terminal'
            cand --force 'Replace the profile if it exists (otherwise given values are merged into it)'
            cand --no-use 'Do not make this profile the default'
            cand --json 'Same as --output json'
            cand -q 'Print only results and errors'
            cand --quiet 'Print only results and errors'
            cand -v 'Trace requests on stderr (secrets redacted); repeat for more'
            cand --verbose 'Trace requests on stderr (secrets redacted); repeat for more'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'hookctl;config;list'= {
            cand --profile 'Profile from the config file [env: HOOKCTL_PROFILE]'
            cand --output 'Output format'
            cand --color 'When to use colours (NO_COLOR and CLICOLOR_FORCE are honoured with auto)'
            cand --json 'Same as --output json'
            cand -q 'Print only results and errors'
            cand --quiet 'Print only results and errors'
            cand -v 'Trace requests on stderr (secrets redacted); repeat for more'
            cand --verbose 'Trace requests on stderr (secrets redacted); repeat for more'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'hookctl;config;show'= {
            cand --profile 'Profile from the config file [env: HOOKCTL_PROFILE]'
            cand --output 'Output format'
            cand --color 'When to use colours (NO_COLOR and CLICOLOR_FORCE are honoured with auto)'
            cand --json 'Same as --output json'
            cand -q 'Print only results and errors'
            cand --quiet 'Print only results and errors'
            cand -v 'Trace requests on stderr (secrets redacted); repeat for more'
            cand --verbose 'Trace requests on stderr (secrets redacted); repeat for more'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'hookctl;config;set'= {
            cand --profile 'Profile from the config file [env: HOOKCTL_PROFILE]'
            cand --output 'Output format'
            cand --color 'When to use colours (NO_COLOR and CLICOLOR_FORCE are honoured with auto)'
            cand --json 'Same as --output json'
            cand -q 'Print only results and errors'
            cand --quiet 'Print only results and errors'
            cand -v 'Trace requests on stderr (secrets redacted); repeat for more'
            cand --verbose 'Trace requests on stderr (secrets redacted); repeat for more'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'hookctl;config;use'= {
            cand --profile 'Profile from the config file [env: HOOKCTL_PROFILE]'
            cand --output 'Output format'
            cand --color 'When to use colours (NO_COLOR and CLICOLOR_FORCE are honoured with auto)'
            cand --json 'Same as --output json'
            cand -q 'Print only results and errors'
            cand --quiet 'Print only results and errors'
            cand -v 'Trace requests on stderr (secrets redacted); repeat for more'
            cand --verbose 'Trace requests on stderr (secrets redacted); repeat for more'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'hookctl;config;help'= {
            cand init 'Create or update a profile from flags, else HOOKCTL_PROVIDER/BASE_URL/TOKEN/SECRET (prompts on a terminal for the rest; refuses when nothing is given)'
            cand list 'List profiles'
            cand show 'Show a profile with secrets masked (default: the one in use)'
            cand set 'Set a key of a profile (default: the one in use); an empty value unsets it'
            cand use 'Make a profile the one used by default'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'hookctl;config;help;init'= {
        }
        &'hookctl;config;help;list'= {
        }
        &'hookctl;config;help;show'= {
        }
        &'hookctl;config;help;set'= {
        }
        &'hookctl;config;help;use'= {
        }
        &'hookctl;config;help;help'= {
        }
        &'hookctl;completions'= {
            cand --output 'Output format'
            cand --color 'When to use colours (NO_COLOR and CLICOLOR_FORCE are honoured with auto)'
            cand --json 'Same as --output json'
            cand -q 'Print only results and errors'
            cand --quiet 'Print only results and errors'
            cand -v 'Trace requests on stderr (secrets redacted); repeat for more'
            cand --verbose 'Trace requests on stderr (secrets redacted); repeat for more'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'hookctl;man'= {
            cand --out 'Directory to write the pages to (one per command); without it, print hookctl.1'
            cand --output 'Output format'
            cand --color 'When to use colours (NO_COLOR and CLICOLOR_FORCE are honoured with auto)'
            cand --json 'Same as --output json'
            cand -q 'Print only results and errors'
            cand --quiet 'Print only results and errors'
            cand -v 'Trace requests on stderr (secrets redacted); repeat for more'
            cand --verbose 'Trace requests on stderr (secrets redacted); repeat for more'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'hookctl;help'= {
            cand endpoints 'Manage webhook endpoints (partner: subscriptions)'
            cand subscriptions 'Choose which event types an endpoint receives'
            cand fire 'Fire an event for a test case (partner) and optionally wait until it is delivered'
            cand test 'Send a provider test event to an endpoint (closient, personio)'
            cand replay 'Replay a provider delivery, or re-send captured requests from a file'
            cand events 'Read the provider''s event log, or wait for rows to appear'
            cand listen 'Run a local receiver that verifies, shows, captures and forwards webhooks'
            cand verify 'Verify a webhook signature offline'
            cand sign 'Print the signature headers a provider would send for a body'
            cand send 'Sign a sample event and POST it to a URL'
            cand probe 'Check that a handler accepts genuine deliveries and rejects forged ones'
            cand sandbox 'Run a local emulator of the four provider APIs, with a real delivery pipeline'
            cand demo 'Show the whole loop offline: sandbox, verifying listener, fire, wait, test, replay'
            cand config 'Manage profiles in the config file'
            cand completions 'Print shell completions'
            cand man 'Write man pages'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'hookctl;help;endpoints'= {
            cand list 'List endpoints'
            cand get 'Show one endpoint'
            cand create 'Register an endpoint; prints its signing secret once'
            cand update 'Change an endpoint''s URL, events, description or status'
            cand delete 'Delete an endpoint (asks on a terminal)'
            cand pause 'Stop deliveries to an endpoint'
            cand resume 'Resume deliveries to an endpoint'
            cand cleanup 'Delete temporary endpoints left behind by `listen --register` runs that were killed'
        }
        &'hookctl;help;endpoints;list'= {
        }
        &'hookctl;help;endpoints;get'= {
        }
        &'hookctl;help;endpoints;create'= {
        }
        &'hookctl;help;endpoints;update'= {
        }
        &'hookctl;help;endpoints;delete'= {
        }
        &'hookctl;help;endpoints;pause'= {
        }
        &'hookctl;help;endpoints;resume'= {
        }
        &'hookctl;help;endpoints;cleanup'= {
        }
        &'hookctl;help;subscriptions'= {
            cand list 'Event types each endpoint receives (or one endpoint''s)'
            cand types 'The provider''s event catalog'
            cand add 'Subscribe an endpoint to more event types'
            cand remove 'Unsubscribe an endpoint from event types'
        }
        &'hookctl;help;subscriptions;list'= {
        }
        &'hookctl;help;subscriptions;types'= {
        }
        &'hookctl;help;subscriptions;add'= {
        }
        &'hookctl;help;subscriptions;remove'= {
        }
        &'hookctl;help;fire'= {
        }
        &'hookctl;help;test'= {
        }
        &'hookctl;help;replay'= {
        }
        &'hookctl;help;events'= {
            cand list 'List rows of the event log'
            cand get 'Show one row'
            cand wait 'Wait until N new matching rows appear and are terminal'
        }
        &'hookctl;help;events;list'= {
        }
        &'hookctl;help;events;get'= {
        }
        &'hookctl;help;events;wait'= {
        }
        &'hookctl;help;listen'= {
        }
        &'hookctl;help;verify'= {
        }
        &'hookctl;help;sign'= {
        }
        &'hookctl;help;send'= {
        }
        &'hookctl;help;probe'= {
        }
        &'hookctl;help;sandbox'= {
        }
        &'hookctl;help;demo'= {
        }
        &'hookctl;help;config'= {
            cand init 'Create or update a profile from flags, else HOOKCTL_PROVIDER/BASE_URL/TOKEN/SECRET (prompts on a terminal for the rest; refuses when nothing is given)'
            cand list 'List profiles'
            cand show 'Show a profile with secrets masked (default: the one in use)'
            cand set 'Set a key of a profile (default: the one in use); an empty value unsets it'
            cand use 'Make a profile the one used by default'
        }
        &'hookctl;help;config;init'= {
        }
        &'hookctl;help;config;list'= {
        }
        &'hookctl;help;config;show'= {
        }
        &'hookctl;help;config;set'= {
        }
        &'hookctl;help;config;use'= {
        }
        &'hookctl;help;completions'= {
        }
        &'hookctl;help;man'= {
        }
        &'hookctl;help;help'= {
        }
    ]
    $completions[$command]
}
