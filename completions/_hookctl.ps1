
using namespace System.Management.Automation
using namespace System.Management.Automation.Language

Register-ArgumentCompleter -Native -CommandName 'hookctl' -ScriptBlock {
    param($wordToComplete, $commandAst, $cursorPosition)

    $commandElements = $commandAst.CommandElements
    $command = @(
        'hookctl'
        for ($i = 1; $i -lt $commandElements.Count; $i++) {
            $element = $commandElements[$i]
            if ($element -isnot [StringConstantExpressionAst] -or
                $element.StringConstantType -ne [StringConstantType]::BareWord -or
                $element.Value.StartsWith('-') -or
                $element.Value -eq $wordToComplete) {
                break
        }
        $element.Value
    }) -join ';'

    $completions = @(switch ($command) {
        'hookctl' {
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours (NO_COLOR and CLICOLOR_FORCE are honoured with auto)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Same as --output json')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Trace requests on stderr (secrets redacted); repeat for more')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Trace requests on stderr (secrets redacted); repeat for more')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('endpoints', 'endpoints', [CompletionResultType]::ParameterValue, 'Manage webhook endpoints (partner: subscriptions)')
            [CompletionResult]::new('subscriptions', 'subscriptions', [CompletionResultType]::ParameterValue, 'Choose which event types an endpoint receives')
            [CompletionResult]::new('fire', 'fire', [CompletionResultType]::ParameterValue, 'Fire an event for a test case (partner) and optionally wait until it is delivered')
            [CompletionResult]::new('test', 'test', [CompletionResultType]::ParameterValue, 'Send a provider test event to an endpoint (closient, personio)')
            [CompletionResult]::new('replay', 'replay', [CompletionResultType]::ParameterValue, 'Replay a provider delivery, or re-send captured requests from a file')
            [CompletionResult]::new('events', 'events', [CompletionResultType]::ParameterValue, 'Read the provider''s event log, or wait for rows to appear')
            [CompletionResult]::new('listen', 'listen', [CompletionResultType]::ParameterValue, 'Run a local receiver that verifies, shows, captures and forwards webhooks')
            [CompletionResult]::new('verify', 'verify', [CompletionResultType]::ParameterValue, 'Verify a webhook signature offline')
            [CompletionResult]::new('sign', 'sign', [CompletionResultType]::ParameterValue, 'Print the signature headers a provider would send for a body')
            [CompletionResult]::new('send', 'send', [CompletionResultType]::ParameterValue, 'Sign a sample event and POST it to a URL')
            [CompletionResult]::new('probe', 'probe', [CompletionResultType]::ParameterValue, 'Check that a handler accepts genuine deliveries and rejects forged ones')
            [CompletionResult]::new('sandbox', 'sandbox', [CompletionResultType]::ParameterValue, 'Run a local emulator of the four provider APIs, with a real delivery pipeline')
            [CompletionResult]::new('demo', 'demo', [CompletionResultType]::ParameterValue, 'Show the whole loop offline: sandbox, verifying listener, fire, wait, test, replay')
            [CompletionResult]::new('config', 'config', [CompletionResultType]::ParameterValue, 'Manage profiles in the config file')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print shell completions')
            [CompletionResult]::new('man', 'man', [CompletionResultType]::ParameterValue, 'Write man pages')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'hookctl;endpoints' {
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile from the config file [env: HOOKCTL_PROFILE]')
            [CompletionResult]::new('--provider', '--provider', [CompletionResultType]::ParameterName, 'Provider preset: partner (debitura), closient, xpath, personio [env: HOOKCTL_PROVIDER]')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'Base URL of the provider API [env: HOOKCTL_BASE_URL]')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'API token; prefer HOOKCTL_TOKEN, command lines end up in shell history [env: HOOKCTL_TOKEN, with --sandbox HOOKCTL_SANDBOX_TOKEN]')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Talk to a running `hookctl sandbox` instead of the provider (without URL: HOOKCTL_SANDBOX''s, else http://127.0.0.1:8788): base URL <sandbox>/<provider>, its default token unless --token or HOOKCTL_SANDBOX_TOKEN; --base-url beats HOOKCTL_SANDBOX [env: HOOKCTL_SANDBOX]')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'How long each API request may take (30s, 2m, 500ms; a bare number is seconds) [default: 30s] [env: HOOKCTL_HTTP_TIMEOUT]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours (NO_COLOR and CLICOLOR_FORCE are honoured with auto)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Same as --output json')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Trace requests on stderr (secrets redacted); repeat for more')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Trace requests on stderr (secrets redacted); repeat for more')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List endpoints')
            [CompletionResult]::new('get', 'get', [CompletionResultType]::ParameterValue, 'Show one endpoint')
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Register an endpoint; prints its signing secret once')
            [CompletionResult]::new('update', 'update', [CompletionResultType]::ParameterValue, 'Change an endpoint''s URL, events, description or status')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete an endpoint (asks on a terminal)')
            [CompletionResult]::new('pause', 'pause', [CompletionResultType]::ParameterValue, 'Stop deliveries to an endpoint')
            [CompletionResult]::new('resume', 'resume', [CompletionResultType]::ParameterValue, 'Resume deliveries to an endpoint')
            [CompletionResult]::new('cleanup', 'cleanup', [CompletionResultType]::ParameterValue, 'Delete temporary endpoints left behind by `listen --register` runs that were killed')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'hookctl;endpoints;list' {
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile from the config file [env: HOOKCTL_PROFILE]')
            [CompletionResult]::new('--provider', '--provider', [CompletionResultType]::ParameterName, 'Provider preset: partner (debitura), closient, xpath, personio [env: HOOKCTL_PROVIDER]')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'Base URL of the provider API [env: HOOKCTL_BASE_URL]')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'API token; prefer HOOKCTL_TOKEN, command lines end up in shell history [env: HOOKCTL_TOKEN, with --sandbox HOOKCTL_SANDBOX_TOKEN]')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Talk to a running `hookctl sandbox` instead of the provider (without URL: HOOKCTL_SANDBOX''s, else http://127.0.0.1:8788): base URL <sandbox>/<provider>, its default token unless --token or HOOKCTL_SANDBOX_TOKEN; --base-url beats HOOKCTL_SANDBOX [env: HOOKCTL_SANDBOX]')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'How long each API request may take (30s, 2m, 500ms; a bare number is seconds) [default: 30s] [env: HOOKCTL_HTTP_TIMEOUT]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours (NO_COLOR and CLICOLOR_FORCE are honoured with auto)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Same as --output json')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Trace requests on stderr (secrets redacted); repeat for more')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Trace requests on stderr (secrets redacted); repeat for more')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'hookctl;endpoints;get' {
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile from the config file [env: HOOKCTL_PROFILE]')
            [CompletionResult]::new('--provider', '--provider', [CompletionResultType]::ParameterName, 'Provider preset: partner (debitura), closient, xpath, personio [env: HOOKCTL_PROVIDER]')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'Base URL of the provider API [env: HOOKCTL_BASE_URL]')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'API token; prefer HOOKCTL_TOKEN, command lines end up in shell history [env: HOOKCTL_TOKEN, with --sandbox HOOKCTL_SANDBOX_TOKEN]')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Talk to a running `hookctl sandbox` instead of the provider (without URL: HOOKCTL_SANDBOX''s, else http://127.0.0.1:8788): base URL <sandbox>/<provider>, its default token unless --token or HOOKCTL_SANDBOX_TOKEN; --base-url beats HOOKCTL_SANDBOX [env: HOOKCTL_SANDBOX]')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'How long each API request may take (30s, 2m, 500ms; a bare number is seconds) [default: 30s] [env: HOOKCTL_HTTP_TIMEOUT]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours (NO_COLOR and CLICOLOR_FORCE are honoured with auto)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Same as --output json')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Trace requests on stderr (secrets redacted); repeat for more')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Trace requests on stderr (secrets redacted); repeat for more')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'hookctl;endpoints;create' {
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'Destination URL')
            [CompletionResult]::new('--event', '--event', [CompletionResultType]::ParameterName, 'Event type to subscribe to; repeatable')
            [CompletionResult]::new('--description', '--description', [CompletionResultType]::ParameterName, 'Label')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile from the config file [env: HOOKCTL_PROFILE]')
            [CompletionResult]::new('--provider', '--provider', [CompletionResultType]::ParameterName, 'Provider preset: partner (debitura), closient, xpath, personio [env: HOOKCTL_PROVIDER]')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'Base URL of the provider API [env: HOOKCTL_BASE_URL]')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'API token; prefer HOOKCTL_TOKEN, command lines end up in shell history [env: HOOKCTL_TOKEN, with --sandbox HOOKCTL_SANDBOX_TOKEN]')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Talk to a running `hookctl sandbox` instead of the provider (without URL: HOOKCTL_SANDBOX''s, else http://127.0.0.1:8788): base URL <sandbox>/<provider>, its default token unless --token or HOOKCTL_SANDBOX_TOKEN; --base-url beats HOOKCTL_SANDBOX [env: HOOKCTL_SANDBOX]')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'How long each API request may take (30s, 2m, 500ms; a bare number is seconds) [default: 30s] [env: HOOKCTL_HTTP_TIMEOUT]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours (NO_COLOR and CLICOLOR_FORCE are honoured with auto)')
            [CompletionResult]::new('--paused', '--paused', [CompletionResultType]::ParameterName, 'Create it paused')
            [CompletionResult]::new('--save-secret', '--save-secret', [CompletionResultType]::ParameterName, 'Store the returned signing secret in the current profile without asking')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Same as --output json')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Trace requests on stderr (secrets redacted); repeat for more')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Trace requests on stderr (secrets redacted); repeat for more')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'hookctl;endpoints;update' {
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'New destination URL')
            [CompletionResult]::new('--event', '--event', [CompletionResultType]::ParameterName, 'Replace the subscribed event types; repeatable')
            [CompletionResult]::new('--description', '--description', [CompletionResultType]::ParameterName, 'New label')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile from the config file [env: HOOKCTL_PROFILE]')
            [CompletionResult]::new('--provider', '--provider', [CompletionResultType]::ParameterName, 'Provider preset: partner (debitura), closient, xpath, personio [env: HOOKCTL_PROVIDER]')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'Base URL of the provider API [env: HOOKCTL_BASE_URL]')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'API token; prefer HOOKCTL_TOKEN, command lines end up in shell history [env: HOOKCTL_TOKEN, with --sandbox HOOKCTL_SANDBOX_TOKEN]')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Talk to a running `hookctl sandbox` instead of the provider (without URL: HOOKCTL_SANDBOX''s, else http://127.0.0.1:8788): base URL <sandbox>/<provider>, its default token unless --token or HOOKCTL_SANDBOX_TOKEN; --base-url beats HOOKCTL_SANDBOX [env: HOOKCTL_SANDBOX]')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'How long each API request may take (30s, 2m, 500ms; a bare number is seconds) [default: 30s] [env: HOOKCTL_HTTP_TIMEOUT]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours (NO_COLOR and CLICOLOR_FORCE are honoured with auto)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Same as --output json')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Trace requests on stderr (secrets redacted); repeat for more')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Trace requests on stderr (secrets redacted); repeat for more')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'hookctl;endpoints;delete' {
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile from the config file [env: HOOKCTL_PROFILE]')
            [CompletionResult]::new('--provider', '--provider', [CompletionResultType]::ParameterName, 'Provider preset: partner (debitura), closient, xpath, personio [env: HOOKCTL_PROVIDER]')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'Base URL of the provider API [env: HOOKCTL_BASE_URL]')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'API token; prefer HOOKCTL_TOKEN, command lines end up in shell history [env: HOOKCTL_TOKEN, with --sandbox HOOKCTL_SANDBOX_TOKEN]')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Talk to a running `hookctl sandbox` instead of the provider (without URL: HOOKCTL_SANDBOX''s, else http://127.0.0.1:8788): base URL <sandbox>/<provider>, its default token unless --token or HOOKCTL_SANDBOX_TOKEN; --base-url beats HOOKCTL_SANDBOX [env: HOOKCTL_SANDBOX]')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'How long each API request may take (30s, 2m, 500ms; a bare number is seconds) [default: 30s] [env: HOOKCTL_HTTP_TIMEOUT]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours (NO_COLOR and CLICOLOR_FORCE are honoured with auto)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Do not ask for confirmation')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Do not ask for confirmation')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Same as --output json')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Trace requests on stderr (secrets redacted); repeat for more')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Trace requests on stderr (secrets redacted); repeat for more')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'hookctl;endpoints;pause' {
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile from the config file [env: HOOKCTL_PROFILE]')
            [CompletionResult]::new('--provider', '--provider', [CompletionResultType]::ParameterName, 'Provider preset: partner (debitura), closient, xpath, personio [env: HOOKCTL_PROVIDER]')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'Base URL of the provider API [env: HOOKCTL_BASE_URL]')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'API token; prefer HOOKCTL_TOKEN, command lines end up in shell history [env: HOOKCTL_TOKEN, with --sandbox HOOKCTL_SANDBOX_TOKEN]')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Talk to a running `hookctl sandbox` instead of the provider (without URL: HOOKCTL_SANDBOX''s, else http://127.0.0.1:8788): base URL <sandbox>/<provider>, its default token unless --token or HOOKCTL_SANDBOX_TOKEN; --base-url beats HOOKCTL_SANDBOX [env: HOOKCTL_SANDBOX]')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'How long each API request may take (30s, 2m, 500ms; a bare number is seconds) [default: 30s] [env: HOOKCTL_HTTP_TIMEOUT]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours (NO_COLOR and CLICOLOR_FORCE are honoured with auto)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Same as --output json')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Trace requests on stderr (secrets redacted); repeat for more')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Trace requests on stderr (secrets redacted); repeat for more')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'hookctl;endpoints;resume' {
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile from the config file [env: HOOKCTL_PROFILE]')
            [CompletionResult]::new('--provider', '--provider', [CompletionResultType]::ParameterName, 'Provider preset: partner (debitura), closient, xpath, personio [env: HOOKCTL_PROVIDER]')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'Base URL of the provider API [env: HOOKCTL_BASE_URL]')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'API token; prefer HOOKCTL_TOKEN, command lines end up in shell history [env: HOOKCTL_TOKEN, with --sandbox HOOKCTL_SANDBOX_TOKEN]')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Talk to a running `hookctl sandbox` instead of the provider (without URL: HOOKCTL_SANDBOX''s, else http://127.0.0.1:8788): base URL <sandbox>/<provider>, its default token unless --token or HOOKCTL_SANDBOX_TOKEN; --base-url beats HOOKCTL_SANDBOX [env: HOOKCTL_SANDBOX]')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'How long each API request may take (30s, 2m, 500ms; a bare number is seconds) [default: 30s] [env: HOOKCTL_HTTP_TIMEOUT]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours (NO_COLOR and CLICOLOR_FORCE are honoured with auto)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Same as --output json')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Trace requests on stderr (secrets redacted); repeat for more')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Trace requests on stderr (secrets redacted); repeat for more')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'hookctl;endpoints;cleanup' {
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile from the config file [env: HOOKCTL_PROFILE]')
            [CompletionResult]::new('--provider', '--provider', [CompletionResultType]::ParameterName, 'Provider preset: partner (debitura), closient, xpath, personio [env: HOOKCTL_PROVIDER]')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'Base URL of the provider API [env: HOOKCTL_BASE_URL]')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'API token; prefer HOOKCTL_TOKEN, command lines end up in shell history [env: HOOKCTL_TOKEN, with --sandbox HOOKCTL_SANDBOX_TOKEN]')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Talk to a running `hookctl sandbox` instead of the provider (without URL: HOOKCTL_SANDBOX''s, else http://127.0.0.1:8788): base URL <sandbox>/<provider>, its default token unless --token or HOOKCTL_SANDBOX_TOKEN; --base-url beats HOOKCTL_SANDBOX [env: HOOKCTL_SANDBOX]')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'How long each API request may take (30s, 2m, 500ms; a bare number is seconds) [default: 30s] [env: HOOKCTL_HTTP_TIMEOUT]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours (NO_COLOR and CLICOLOR_FORCE are honoured with auto)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Same as --output json')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Trace requests on stderr (secrets redacted); repeat for more')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Trace requests on stderr (secrets redacted); repeat for more')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'hookctl;endpoints;help' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List endpoints')
            [CompletionResult]::new('get', 'get', [CompletionResultType]::ParameterValue, 'Show one endpoint')
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Register an endpoint; prints its signing secret once')
            [CompletionResult]::new('update', 'update', [CompletionResultType]::ParameterValue, 'Change an endpoint''s URL, events, description or status')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete an endpoint (asks on a terminal)')
            [CompletionResult]::new('pause', 'pause', [CompletionResultType]::ParameterValue, 'Stop deliveries to an endpoint')
            [CompletionResult]::new('resume', 'resume', [CompletionResultType]::ParameterValue, 'Resume deliveries to an endpoint')
            [CompletionResult]::new('cleanup', 'cleanup', [CompletionResultType]::ParameterValue, 'Delete temporary endpoints left behind by `listen --register` runs that were killed')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'hookctl;endpoints;help;list' {
            break
        }
        'hookctl;endpoints;help;get' {
            break
        }
        'hookctl;endpoints;help;create' {
            break
        }
        'hookctl;endpoints;help;update' {
            break
        }
        'hookctl;endpoints;help;delete' {
            break
        }
        'hookctl;endpoints;help;pause' {
            break
        }
        'hookctl;endpoints;help;resume' {
            break
        }
        'hookctl;endpoints;help;cleanup' {
            break
        }
        'hookctl;endpoints;help;help' {
            break
        }
        'hookctl;subscriptions' {
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile from the config file [env: HOOKCTL_PROFILE]')
            [CompletionResult]::new('--provider', '--provider', [CompletionResultType]::ParameterName, 'Provider preset: partner (debitura), closient, xpath, personio [env: HOOKCTL_PROVIDER]')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'Base URL of the provider API [env: HOOKCTL_BASE_URL]')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'API token; prefer HOOKCTL_TOKEN, command lines end up in shell history [env: HOOKCTL_TOKEN, with --sandbox HOOKCTL_SANDBOX_TOKEN]')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Talk to a running `hookctl sandbox` instead of the provider (without URL: HOOKCTL_SANDBOX''s, else http://127.0.0.1:8788): base URL <sandbox>/<provider>, its default token unless --token or HOOKCTL_SANDBOX_TOKEN; --base-url beats HOOKCTL_SANDBOX [env: HOOKCTL_SANDBOX]')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'How long each API request may take (30s, 2m, 500ms; a bare number is seconds) [default: 30s] [env: HOOKCTL_HTTP_TIMEOUT]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours (NO_COLOR and CLICOLOR_FORCE are honoured with auto)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Same as --output json')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Trace requests on stderr (secrets redacted); repeat for more')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Trace requests on stderr (secrets redacted); repeat for more')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'Event types each endpoint receives (or one endpoint''s)')
            [CompletionResult]::new('types', 'types', [CompletionResultType]::ParameterValue, 'The provider''s event catalog')
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Subscribe an endpoint to more event types')
            [CompletionResult]::new('remove', 'remove', [CompletionResultType]::ParameterValue, 'Unsubscribe an endpoint from event types')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'hookctl;subscriptions;list' {
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile from the config file [env: HOOKCTL_PROFILE]')
            [CompletionResult]::new('--provider', '--provider', [CompletionResultType]::ParameterName, 'Provider preset: partner (debitura), closient, xpath, personio [env: HOOKCTL_PROVIDER]')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'Base URL of the provider API [env: HOOKCTL_BASE_URL]')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'API token; prefer HOOKCTL_TOKEN, command lines end up in shell history [env: HOOKCTL_TOKEN, with --sandbox HOOKCTL_SANDBOX_TOKEN]')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Talk to a running `hookctl sandbox` instead of the provider (without URL: HOOKCTL_SANDBOX''s, else http://127.0.0.1:8788): base URL <sandbox>/<provider>, its default token unless --token or HOOKCTL_SANDBOX_TOKEN; --base-url beats HOOKCTL_SANDBOX [env: HOOKCTL_SANDBOX]')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'How long each API request may take (30s, 2m, 500ms; a bare number is seconds) [default: 30s] [env: HOOKCTL_HTTP_TIMEOUT]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours (NO_COLOR and CLICOLOR_FORCE are honoured with auto)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Same as --output json')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Trace requests on stderr (secrets redacted); repeat for more')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Trace requests on stderr (secrets redacted); repeat for more')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'hookctl;subscriptions;types' {
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile from the config file [env: HOOKCTL_PROFILE]')
            [CompletionResult]::new('--provider', '--provider', [CompletionResultType]::ParameterName, 'Provider preset: partner (debitura), closient, xpath, personio [env: HOOKCTL_PROVIDER]')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'Base URL of the provider API [env: HOOKCTL_BASE_URL]')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'API token; prefer HOOKCTL_TOKEN, command lines end up in shell history [env: HOOKCTL_TOKEN, with --sandbox HOOKCTL_SANDBOX_TOKEN]')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Talk to a running `hookctl sandbox` instead of the provider (without URL: HOOKCTL_SANDBOX''s, else http://127.0.0.1:8788): base URL <sandbox>/<provider>, its default token unless --token or HOOKCTL_SANDBOX_TOKEN; --base-url beats HOOKCTL_SANDBOX [env: HOOKCTL_SANDBOX]')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'How long each API request may take (30s, 2m, 500ms; a bare number is seconds) [default: 30s] [env: HOOKCTL_HTTP_TIMEOUT]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours (NO_COLOR and CLICOLOR_FORCE are honoured with auto)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Same as --output json')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Trace requests on stderr (secrets redacted); repeat for more')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Trace requests on stderr (secrets redacted); repeat for more')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'hookctl;subscriptions;add' {
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile from the config file [env: HOOKCTL_PROFILE]')
            [CompletionResult]::new('--provider', '--provider', [CompletionResultType]::ParameterName, 'Provider preset: partner (debitura), closient, xpath, personio [env: HOOKCTL_PROVIDER]')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'Base URL of the provider API [env: HOOKCTL_BASE_URL]')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'API token; prefer HOOKCTL_TOKEN, command lines end up in shell history [env: HOOKCTL_TOKEN, with --sandbox HOOKCTL_SANDBOX_TOKEN]')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Talk to a running `hookctl sandbox` instead of the provider (without URL: HOOKCTL_SANDBOX''s, else http://127.0.0.1:8788): base URL <sandbox>/<provider>, its default token unless --token or HOOKCTL_SANDBOX_TOKEN; --base-url beats HOOKCTL_SANDBOX [env: HOOKCTL_SANDBOX]')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'How long each API request may take (30s, 2m, 500ms; a bare number is seconds) [default: 30s] [env: HOOKCTL_HTTP_TIMEOUT]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours (NO_COLOR and CLICOLOR_FORCE are honoured with auto)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Same as --output json')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Trace requests on stderr (secrets redacted); repeat for more')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Trace requests on stderr (secrets redacted); repeat for more')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'hookctl;subscriptions;remove' {
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile from the config file [env: HOOKCTL_PROFILE]')
            [CompletionResult]::new('--provider', '--provider', [CompletionResultType]::ParameterName, 'Provider preset: partner (debitura), closient, xpath, personio [env: HOOKCTL_PROVIDER]')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'Base URL of the provider API [env: HOOKCTL_BASE_URL]')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'API token; prefer HOOKCTL_TOKEN, command lines end up in shell history [env: HOOKCTL_TOKEN, with --sandbox HOOKCTL_SANDBOX_TOKEN]')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Talk to a running `hookctl sandbox` instead of the provider (without URL: HOOKCTL_SANDBOX''s, else http://127.0.0.1:8788): base URL <sandbox>/<provider>, its default token unless --token or HOOKCTL_SANDBOX_TOKEN; --base-url beats HOOKCTL_SANDBOX [env: HOOKCTL_SANDBOX]')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'How long each API request may take (30s, 2m, 500ms; a bare number is seconds) [default: 30s] [env: HOOKCTL_HTTP_TIMEOUT]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours (NO_COLOR and CLICOLOR_FORCE are honoured with auto)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Same as --output json')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Trace requests on stderr (secrets redacted); repeat for more')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Trace requests on stderr (secrets redacted); repeat for more')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'hookctl;subscriptions;help' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'Event types each endpoint receives (or one endpoint''s)')
            [CompletionResult]::new('types', 'types', [CompletionResultType]::ParameterValue, 'The provider''s event catalog')
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Subscribe an endpoint to more event types')
            [CompletionResult]::new('remove', 'remove', [CompletionResultType]::ParameterValue, 'Unsubscribe an endpoint from event types')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'hookctl;subscriptions;help;list' {
            break
        }
        'hookctl;subscriptions;help;types' {
            break
        }
        'hookctl;subscriptions;help;add' {
            break
        }
        'hookctl;subscriptions;help;remove' {
            break
        }
        'hookctl;subscriptions;help;help' {
            break
        }
        'hookctl;fire' {
            [CompletionResult]::new('--case', '--case', [CompletionResultType]::ParameterName, 'Test case id')
            [CompletionResult]::new('--subscription', '--subscription', [CompletionResultType]::ParameterName, 'Fire only to this test subscription')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'With --wait: how long to wait for the outcome (30s, 2m, 500ms; a bare number is seconds)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile from the config file [env: HOOKCTL_PROFILE]')
            [CompletionResult]::new('--provider', '--provider', [CompletionResultType]::ParameterName, 'Provider preset: partner (debitura), closient, xpath, personio [env: HOOKCTL_PROVIDER]')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'Base URL of the provider API [env: HOOKCTL_BASE_URL]')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'API token; prefer HOOKCTL_TOKEN, command lines end up in shell history [env: HOOKCTL_TOKEN, with --sandbox HOOKCTL_SANDBOX_TOKEN]')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Talk to a running `hookctl sandbox` instead of the provider (without URL: HOOKCTL_SANDBOX''s, else http://127.0.0.1:8788): base URL <sandbox>/<provider>, its default token unless --token or HOOKCTL_SANDBOX_TOKEN; --base-url beats HOOKCTL_SANDBOX [env: HOOKCTL_SANDBOX]')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'How long each API request may take (30s, 2m, 500ms; a bare number is seconds) [default: 30s] [env: HOOKCTL_HTTP_TIMEOUT]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours (NO_COLOR and CLICOLOR_FORCE are honoured with auto)')
            [CompletionResult]::new('--wait', '--wait', [CompletionResultType]::ParameterName, 'Wait until the deliveries it started are terminal (delivered or failed)')
            [CompletionResult]::new('--require-delivery', '--require-delivery', [CompletionResultType]::ParameterName, 'Exit 6 when nothing was enqueued (no matching test subscription), with or without --wait')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Same as --output json')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Trace requests on stderr (secrets redacted); repeat for more')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Trace requests on stderr (secrets redacted); repeat for more')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'hookctl;test' {
            [CompletionResult]::new('--event', '--event', [CompletionResultType]::ParameterName, 'Event to send (personio: required, e.g. person.updated)')
            [CompletionResult]::new('--field', '--field', [CompletionResultType]::ParameterName, 'Payload field as key=value in dot notation (personio payload_data); repeatable')
            [CompletionResult]::new('--data', '--data', [CompletionResultType]::ParameterName, 'The old name of --field (before --data meant a body everywhere); warns when used')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'With --wait: how long to wait for the outcome (30s, 2m, 500ms; a bare number is seconds)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile from the config file [env: HOOKCTL_PROFILE]')
            [CompletionResult]::new('--provider', '--provider', [CompletionResultType]::ParameterName, 'Provider preset: partner (debitura), closient, xpath, personio [env: HOOKCTL_PROVIDER]')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'Base URL of the provider API [env: HOOKCTL_BASE_URL]')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'API token; prefer HOOKCTL_TOKEN, command lines end up in shell history [env: HOOKCTL_TOKEN, with --sandbox HOOKCTL_SANDBOX_TOKEN]')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Talk to a running `hookctl sandbox` instead of the provider (without URL: HOOKCTL_SANDBOX''s, else http://127.0.0.1:8788): base URL <sandbox>/<provider>, its default token unless --token or HOOKCTL_SANDBOX_TOKEN; --base-url beats HOOKCTL_SANDBOX [env: HOOKCTL_SANDBOX]')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'How long each API request may take (30s, 2m, 500ms; a bare number is seconds) [default: 30s] [env: HOOKCTL_HTTP_TIMEOUT]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours (NO_COLOR and CLICOLOR_FORCE are honoured with auto)')
            [CompletionResult]::new('--wait', '--wait', [CompletionResultType]::ParameterName, 'Wait until the deliveries it started are terminal (delivered or failed)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Same as --output json')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Trace requests on stderr (secrets redacted); repeat for more')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Trace requests on stderr (secrets redacted); repeat for more')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'hookctl;replay' {
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'With --wait: how long to wait for the outcome (30s, 2m, 500ms; a bare number is seconds) [default: 30s]')
            [CompletionResult]::new('--from', '--from', [CompletionResultType]::ParameterName, 'Re-send requests captured by `listen --capture` from this file')
            [CompletionResult]::new('--to', '--to', [CompletionResultType]::ParameterName, 'Target URL for a local replay')
            [CompletionResult]::new('--id', '--id', [CompletionResultType]::ParameterName, 'Replay the record with this id')
            [CompletionResult]::new('--last', '--last', [CompletionResultType]::ParameterName, 'Replay the last N records')
            [CompletionResult]::new('--match', '--match', [CompletionResultType]::ParameterName, 'Only records whose content matches: PATH=VALUE, PATH!=VALUE, PATH~REGEX or PATH (a dot path into the JSON body, or header.NAME); repeatable, all must hold; alone, replays every matching record')
            [CompletionResult]::new('--secret', '--secret', [CompletionResultType]::ParameterName, 'Secret for --resign [env: HOOKCTL_SECRET]')
            [CompletionResult]::new('--scheme', '--scheme', [CompletionResultType]::ParameterName, 'Scheme for --resign (default: the one recorded in the capture)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile from the config file [env: HOOKCTL_PROFILE]')
            [CompletionResult]::new('--provider', '--provider', [CompletionResultType]::ParameterName, 'Provider preset: partner (debitura), closient, xpath, personio [env: HOOKCTL_PROVIDER]')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'Base URL of the provider API [env: HOOKCTL_BASE_URL]')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'API token; prefer HOOKCTL_TOKEN, command lines end up in shell history [env: HOOKCTL_TOKEN, with --sandbox HOOKCTL_SANDBOX_TOKEN]')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Talk to a running `hookctl sandbox` instead of the provider (without URL: HOOKCTL_SANDBOX''s, else http://127.0.0.1:8788): base URL <sandbox>/<provider>, its default token unless --token or HOOKCTL_SANDBOX_TOKEN; --base-url beats HOOKCTL_SANDBOX [env: HOOKCTL_SANDBOX]')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'How long each API request may take (30s, 2m, 500ms; a bare number is seconds) [default: 30s] [env: HOOKCTL_HTTP_TIMEOUT]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours (NO_COLOR and CLICOLOR_FORCE are honoured with auto)')
            [CompletionResult]::new('--wait', '--wait', [CompletionResultType]::ParameterName, 'Wait until the replayed delivery is terminal')
            [CompletionResult]::new('--all', '--all', [CompletionResultType]::ParameterName, 'Replay every record')
            [CompletionResult]::new('--resign', '--resign', [CompletionResultType]::ParameterName, 'Re-sign with a fresh id and timestamp (old timestamps fail the 5-minute tolerance)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Same as --output json')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Trace requests on stderr (secrets redacted); repeat for more')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Trace requests on stderr (secrets redacted); repeat for more')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'hookctl;events' {
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile from the config file [env: HOOKCTL_PROFILE]')
            [CompletionResult]::new('--provider', '--provider', [CompletionResultType]::ParameterName, 'Provider preset: partner (debitura), closient, xpath, personio [env: HOOKCTL_PROVIDER]')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'Base URL of the provider API [env: HOOKCTL_BASE_URL]')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'API token; prefer HOOKCTL_TOKEN, command lines end up in shell history [env: HOOKCTL_TOKEN, with --sandbox HOOKCTL_SANDBOX_TOKEN]')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Talk to a running `hookctl sandbox` instead of the provider (without URL: HOOKCTL_SANDBOX''s, else http://127.0.0.1:8788): base URL <sandbox>/<provider>, its default token unless --token or HOOKCTL_SANDBOX_TOKEN; --base-url beats HOOKCTL_SANDBOX [env: HOOKCTL_SANDBOX]')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'How long each API request may take (30s, 2m, 500ms; a bare number is seconds) [default: 30s] [env: HOOKCTL_HTTP_TIMEOUT]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours (NO_COLOR and CLICOLOR_FORCE are honoured with auto)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Same as --output json')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Trace requests on stderr (secrets redacted); repeat for more')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Trace requests on stderr (secrets redacted); repeat for more')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List rows of the event log')
            [CompletionResult]::new('get', 'get', [CompletionResultType]::ParameterValue, 'Show one row')
            [CompletionResult]::new('wait', 'wait', [CompletionResultType]::ParameterValue, 'Wait until N new matching rows appear and are terminal')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'hookctl;events;list' {
            [CompletionResult]::new('--case', '--case', [CompletionResultType]::ParameterName, 'Case id (partner: required)')
            [CompletionResult]::new('--type', '--type', [CompletionResultType]::ParameterName, 'Event type')
            [CompletionResult]::new('--endpoint', '--endpoint', [CompletionResultType]::ParameterName, 'Endpoint id (closient deliveries)')
            [CompletionResult]::new('--since', '--since', [CompletionResultType]::ParameterName, 'Only rows created at or after this time (ISO-8601)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile from the config file [env: HOOKCTL_PROFILE]')
            [CompletionResult]::new('--provider', '--provider', [CompletionResultType]::ParameterName, 'Provider preset: partner (debitura), closient, xpath, personio [env: HOOKCTL_PROVIDER]')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'Base URL of the provider API [env: HOOKCTL_BASE_URL]')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'API token; prefer HOOKCTL_TOKEN, command lines end up in shell history [env: HOOKCTL_TOKEN, with --sandbox HOOKCTL_SANDBOX_TOKEN]')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Talk to a running `hookctl sandbox` instead of the provider (without URL: HOOKCTL_SANDBOX''s, else http://127.0.0.1:8788): base URL <sandbox>/<provider>, its default token unless --token or HOOKCTL_SANDBOX_TOKEN; --base-url beats HOOKCTL_SANDBOX [env: HOOKCTL_SANDBOX]')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'How long each API request may take (30s, 2m, 500ms; a bare number is seconds) [default: 30s] [env: HOOKCTL_HTTP_TIMEOUT]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours (NO_COLOR and CLICOLOR_FORCE are honoured with auto)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Same as --output json')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Trace requests on stderr (secrets redacted); repeat for more')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Trace requests on stderr (secrets redacted); repeat for more')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'hookctl;events;get' {
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile from the config file [env: HOOKCTL_PROFILE]')
            [CompletionResult]::new('--provider', '--provider', [CompletionResultType]::ParameterName, 'Provider preset: partner (debitura), closient, xpath, personio [env: HOOKCTL_PROVIDER]')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'Base URL of the provider API [env: HOOKCTL_BASE_URL]')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'API token; prefer HOOKCTL_TOKEN, command lines end up in shell history [env: HOOKCTL_TOKEN, with --sandbox HOOKCTL_SANDBOX_TOKEN]')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Talk to a running `hookctl sandbox` instead of the provider (without URL: HOOKCTL_SANDBOX''s, else http://127.0.0.1:8788): base URL <sandbox>/<provider>, its default token unless --token or HOOKCTL_SANDBOX_TOKEN; --base-url beats HOOKCTL_SANDBOX [env: HOOKCTL_SANDBOX]')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'How long each API request may take (30s, 2m, 500ms; a bare number is seconds) [default: 30s] [env: HOOKCTL_HTTP_TIMEOUT]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours (NO_COLOR and CLICOLOR_FORCE are honoured with auto)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Same as --output json')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Trace requests on stderr (secrets redacted); repeat for more')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Trace requests on stderr (secrets redacted); repeat for more')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'hookctl;events;wait' {
            [CompletionResult]::new('--case', '--case', [CompletionResultType]::ParameterName, 'Case id (partner: required)')
            [CompletionResult]::new('--type', '--type', [CompletionResultType]::ParameterName, 'Event type')
            [CompletionResult]::new('--endpoint', '--endpoint', [CompletionResultType]::ParameterName, 'Endpoint id (closient deliveries)')
            [CompletionResult]::new('--since', '--since', [CompletionResultType]::ParameterName, 'Only rows created at or after this time (ISO-8601)')
            [CompletionResult]::new('--count', '--count', [CompletionResultType]::ParameterName, 'How many new rows to wait for')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'How long to wait for the outcome (30s, 2m, 500ms; a bare number is seconds)')
            [CompletionResult]::new('--match', '--match', [CompletionResultType]::ParameterName, 'Only rows whose content matches: PATH=VALUE, PATH!=VALUE, PATH~REGEX or PATH (a dot path into the row''s JSON); repeatable, all must hold')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile from the config file [env: HOOKCTL_PROFILE]')
            [CompletionResult]::new('--provider', '--provider', [CompletionResultType]::ParameterName, 'Provider preset: partner (debitura), closient, xpath, personio [env: HOOKCTL_PROVIDER]')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'Base URL of the provider API [env: HOOKCTL_BASE_URL]')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'API token; prefer HOOKCTL_TOKEN, command lines end up in shell history [env: HOOKCTL_TOKEN, with --sandbox HOOKCTL_SANDBOX_TOKEN]')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Talk to a running `hookctl sandbox` instead of the provider (without URL: HOOKCTL_SANDBOX''s, else http://127.0.0.1:8788): base URL <sandbox>/<provider>, its default token unless --token or HOOKCTL_SANDBOX_TOKEN; --base-url beats HOOKCTL_SANDBOX [env: HOOKCTL_SANDBOX]')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'How long each API request may take (30s, 2m, 500ms; a bare number is seconds) [default: 30s] [env: HOOKCTL_HTTP_TIMEOUT]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours (NO_COLOR and CLICOLOR_FORCE are honoured with auto)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Same as --output json')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Trace requests on stderr (secrets redacted); repeat for more')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Trace requests on stderr (secrets redacted); repeat for more')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'hookctl;events;help' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List rows of the event log')
            [CompletionResult]::new('get', 'get', [CompletionResultType]::ParameterValue, 'Show one row')
            [CompletionResult]::new('wait', 'wait', [CompletionResultType]::ParameterValue, 'Wait until N new matching rows appear and are terminal')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'hookctl;events;help;list' {
            break
        }
        'hookctl;events;help;get' {
            break
        }
        'hookctl;events;help;wait' {
            break
        }
        'hookctl;events;help;help' {
            break
        }
        'hookctl;listen' {
            [CompletionResult]::new('--host', '--host', [CompletionResultType]::ParameterName, 'Address to bind')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Port to bind; 0 picks a free one')
            [CompletionResult]::new('--port', '--port', [CompletionResultType]::ParameterName, 'Port to bind; 0 picks a free one')
            [CompletionResult]::new('--path', '--path', [CompletionResultType]::ParameterName, 'Only accept requests under this path prefix (default: any path)')
            [CompletionResult]::new('--secret', '--secret', [CompletionResultType]::ParameterName, 'Signing secret; repeat for rotation [env: HOOKCTL_SECRET]')
            [CompletionResult]::new('--scheme', '--scheme', [CompletionResultType]::ParameterName, 'Signature scheme')
            [CompletionResult]::new('--forward-to', '--forward-to', [CompletionResultType]::ParameterName, 'Pass each valid request on to this URL (+ the path below --path and the query) and answer with its response; target down → 502, too slow → 504')
            [CompletionResult]::new('--forward-timeout', '--forward-timeout', [CompletionResultType]::ParameterName, 'How long a forward target may take to answer (30s, 2m, 500ms; a bare number is seconds)')
            [CompletionResult]::new('--route', '--route', [CompletionResultType]::ParameterName, 'Route by event type: ''PATTERN=URL'' (e.g. ''cases.*=http://…'', ''*=http://…''); repeatable')
            [CompletionResult]::new('--capture', '--capture', [CompletionResultType]::ParameterName, 'Append one JSON line per request to this file')
            [CompletionResult]::new('--expect', '--expect', [CompletionResultType]::ParameterName, 'Exit 0 after N valid deliveries')
            [CompletionResult]::new('--type', '--type', [CompletionResultType]::ParameterName, 'Only count deliveries of this event type toward --expect (''*'' wildcards allowed); the same name as `events --type` (--filter is its old spelling)')
            [CompletionResult]::new('--filter', '--filter', [CompletionResultType]::ParameterName, 'Only count deliveries of this event type toward --expect (''*'' wildcards allowed); the same name as `events --type` (--filter is its old spelling)')
            [CompletionResult]::new('--match', '--match', [CompletionResultType]::ParameterName, 'Only count deliveries whose content matches toward --expect: PATH=VALUE, PATH!=VALUE, PATH~REGEX or PATH (a dot path into the JSON body, or header.NAME); repeatable, all must hold')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'How long to wait for the outcome: with --expect exit 6 after it (default 60s there), without it stop and exit 0 (30s, 2m, 500ms; a bare number is seconds)')
            [CompletionResult]::new('--max-body', '--max-body', [CompletionResultType]::ParameterName, 'Largest accepted body (larger: 413): bytes, or with a unit (512KiB, 10MB, 1MiB)')
            [CompletionResult]::new('--header-timeout', '--header-timeout', [CompletionResultType]::ParameterName, 'Time a client has to send request headers; also closes idle keep-alive connections (30s, 2m, 500ms; a bare number is seconds)')
            [CompletionResult]::new('--body-timeout', '--body-timeout', [CompletionResultType]::ParameterName, 'Time a client has to send the request body (slower: 408) (30s, 2m, 500ms; a bare number is seconds)')
            [CompletionResult]::new('--ui-port', '--ui-port', [CompletionResultType]::ParameterName, 'Port of the inspector (with --ui); 0 picks any free port')
            [CompletionResult]::new('--tunnel', '--tunnel', [CompletionResultType]::ParameterName, 'Expose the listener through a bore server (bore:HOST[:PORT]; PORT = the public port to ask for, any by default); prints the public URL and reconnects when the tunnel drops')
            [CompletionResult]::new('--tunnel-secret', '--tunnel-secret', [CompletionResultType]::ParameterName, 'Secret of the bore server (bore server --secret) [env: HOOKCTL_TUNNEL_SECRET]')
            [CompletionResult]::new('--public-url', '--public-url', [CompletionResultType]::ParameterName, 'The listener''s public address through your own tunnel or proxy (used by --register)')
            [CompletionResult]::new('--event', '--event', [CompletionResultType]::ParameterName, 'Event type the temporary endpoint subscribes to; repeatable (default: all the provider''s)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile from the config file [env: HOOKCTL_PROFILE]')
            [CompletionResult]::new('--provider', '--provider', [CompletionResultType]::ParameterName, 'Provider preset: partner (debitura), closient, xpath, personio [env: HOOKCTL_PROVIDER]')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'Base URL of the provider API [env: HOOKCTL_BASE_URL]')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'API token; prefer HOOKCTL_TOKEN, command lines end up in shell history [env: HOOKCTL_TOKEN, with --sandbox HOOKCTL_SANDBOX_TOKEN]')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Talk to a running `hookctl sandbox` instead of the provider (without URL: HOOKCTL_SANDBOX''s, else http://127.0.0.1:8788): base URL <sandbox>/<provider>, its default token unless --token or HOOKCTL_SANDBOX_TOKEN; --base-url beats HOOKCTL_SANDBOX [env: HOOKCTL_SANDBOX]')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'How long each API request may take (30s, 2m, 500ms; a bare number is seconds) [default: 30s] [env: HOOKCTL_HTTP_TIMEOUT]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours (NO_COLOR and CLICOLOR_FORCE are honoured with auto)')
            [CompletionResult]::new('--allow-invalid', '--allow-invalid', [CompletionResultType]::ParameterName, 'Do not fail --expect when an invalid signature arrives')
            [CompletionResult]::new('--no-display', '--no-display', [CompletionResultType]::ParameterName, 'Do not print requests (capture and forward still work)')
            [CompletionResult]::new('--ui', '--ui', [CompletionResultType]::ParameterName, 'Serve a web inspector of received requests on 127.0.0.1 (port 4040-4049, the first free)')
            [CompletionResult]::new('--open', '--open', [CompletionResultType]::ParameterName, 'Open the inspector in the default browser (with --ui, when there is a display)')
            [CompletionResult]::new('--register', '--register', [CompletionResultType]::ParameterName, 'Register a temporary endpoint at the provider for this run (verifying with the secret it returns) and delete it on exit')
            [CompletionResult]::new('--allow-unverified', '--allow-unverified', [CompletionResultType]::ParameterName, 'Allow a public listener (--tunnel, --public-url, a non-loopback --host) without a signing secret (anyone who finds the URL reaches your app)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Same as --output json')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Trace requests on stderr (secrets redacted); repeat for more')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Trace requests on stderr (secrets redacted); repeat for more')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'hookctl;verify' {
            [CompletionResult]::new('--scheme', '--scheme', [CompletionResultType]::ParameterName, 'Signature scheme')
            [CompletionResult]::new('--secret', '--secret', [CompletionResultType]::ParameterName, 'Signing secret; repeat for rotation (any match is valid) [env: HOOKCTL_SECRET]')
            [CompletionResult]::new('-H', '-H ', [CompletionResultType]::ParameterName, 'A request header as ''Name: value''; repeat for each')
            [CompletionResult]::new('--header', '--header', [CompletionResultType]::ParameterName, 'A request header as ''Name: value''; repeat for each')
            [CompletionResult]::new('--data', '--data', [CompletionResultType]::ParameterName, 'The raw body: the text itself, @FILE to read a file, or - for stdin')
            [CompletionResult]::new('--body-file', '--body-file', [CompletionResultType]::ParameterName, 'File with the raw body, or - for stdin (same as --data @FILE)')
            [CompletionResult]::new('--at', '--at', [CompletionResultType]::ParameterName, 'Pretend the current time is this Unix timestamp')
            [CompletionResult]::new('--tolerance', '--tolerance', [CompletionResultType]::ParameterName, 'Allowed clock difference, both ways (30s, 2m, 500ms; a bare number is seconds)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile from the config file [env: HOOKCTL_PROFILE]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours (NO_COLOR and CLICOLOR_FORCE are honoured with auto)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Same as --output json')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Trace requests on stderr (secrets redacted); repeat for more')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Trace requests on stderr (secrets redacted); repeat for more')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'hookctl;sign' {
            [CompletionResult]::new('--scheme', '--scheme', [CompletionResultType]::ParameterName, 'Signature scheme')
            [CompletionResult]::new('--secret', '--secret', [CompletionResultType]::ParameterName, 'Signing secret (whsec_… or whsk_… for ed25519) [env: HOOKCTL_SECRET]')
            [CompletionResult]::new('--data', '--data', [CompletionResultType]::ParameterName, 'The raw body: the text itself, @FILE to read a file, or - for stdin')
            [CompletionResult]::new('--body-file', '--body-file', [CompletionResultType]::ParameterName, 'File with the raw body, or - for stdin (same as --data @FILE)')
            [CompletionResult]::new('--id', '--id', [CompletionResultType]::ParameterName, 'Message id (default: a fresh msg_… id)')
            [CompletionResult]::new('--at', '--at', [CompletionResultType]::ParameterName, 'Timestamp to sign with (default: now)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile from the config file [env: HOOKCTL_PROFILE]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours (NO_COLOR and CLICOLOR_FORCE are honoured with auto)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Same as --output json')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Trace requests on stderr (secrets redacted); repeat for more')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Trace requests on stderr (secrets redacted); repeat for more')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'hookctl;send' {
            [CompletionResult]::new('--scheme', '--scheme', [CompletionResultType]::ParameterName, 'Signature scheme')
            [CompletionResult]::new('--secret', '--secret', [CompletionResultType]::ParameterName, 'Signing secret [env: HOOKCTL_SECRET]')
            [CompletionResult]::new('--event', '--event', [CompletionResultType]::ParameterName, 'Event type of the sample payload (e.g. case.assigned, cases.created, person.updated)')
            [CompletionResult]::new('--data', '--data', [CompletionResultType]::ParameterName, 'The raw body: the text itself, @FILE to read a file, or - for stdin')
            [CompletionResult]::new('--body-file', '--body-file', [CompletionResultType]::ParameterName, 'File with the raw body, or - for stdin (same as --data @FILE)')
            [CompletionResult]::new('-H', '-H ', [CompletionResultType]::ParameterName, 'Extra request header ''Name: value''')
            [CompletionResult]::new('--header', '--header', [CompletionResultType]::ParameterName, 'Extra request header ''Name: value''')
            [CompletionResult]::new('--id', '--id', [CompletionResultType]::ParameterName, 'Message id to sign with (default: a fresh msg_… id)')
            [CompletionResult]::new('--at', '--at', [CompletionResultType]::ParameterName, 'Timestamp to sign with (default: now)')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'How long the handler may take to answer (30s, 2m, 500ms; a bare number is seconds)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile from the config file [env: HOOKCTL_PROFILE]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours (NO_COLOR and CLICOLOR_FORCE are honoured with auto)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Same as --output json')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Trace requests on stderr (secrets redacted); repeat for more')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Trace requests on stderr (secrets redacted); repeat for more')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'hookctl;probe' {
            [CompletionResult]::new('--secret', '--secret', [CompletionResultType]::ParameterName, 'Signing secret the handler verifies with [env: HOOKCTL_SECRET]')
            [CompletionResult]::new('--scheme', '--scheme', [CompletionResultType]::ParameterName, 'Signature scheme the handler expects')
            [CompletionResult]::new('--event', '--event', [CompletionResultType]::ParameterName, 'Event type of the sample payloads (e.g. case.assigned, cases.created, person.updated)')
            [CompletionResult]::new('--tolerance', '--tolerance', [CompletionResultType]::ParameterName, 'The handler''s allowed clock difference; stale and future timestamps go 1m beyond it (30s, 2m, 500ms; a bare number is seconds)')
            [CompletionResult]::new('-H', '-H ', [CompletionResultType]::ParameterName, 'Extra header on every request ''Name: value'' (e.g. your app''s own auth)')
            [CompletionResult]::new('--header', '--header', [CompletionResultType]::ParameterName, 'Extra header on every request ''Name: value'' (e.g. your app''s own auth)')
            [CompletionResult]::new('--junit', '--junit', [CompletionResultType]::ParameterName, 'Also write the report as JUnit XML to FILE (one test case per check)')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'How long the handler may take to answer each request (30s, 2m, 500ms; a bare number is seconds)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile from the config file [env: HOOKCTL_PROFILE]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours (NO_COLOR and CLICOLOR_FORCE are honoured with auto)')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print the requests as curl commands; send nothing')
            [CompletionResult]::new('--strict', '--strict', [CompletionResultType]::ParameterName, 'Fail (instead of warn) when a replayed delivery is accepted again')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Same as --output json')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Trace requests on stderr (secrets redacted); repeat for more')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Trace requests on stderr (secrets redacted); repeat for more')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'hookctl;sandbox' {
            [CompletionResult]::new('--host', '--host', [CompletionResultType]::ParameterName, 'Address to bind (0.0.0.0 exposes the sandbox to the network: a warning says so)')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Port to bind; 0 picks a free one [default: 8788; with -- CMD: a free one]')
            [CompletionResult]::new('--port', '--port', [CompletionResultType]::ParameterName, 'Port to bind; 0 picks a free one [default: 8788; with -- CMD: a free one]')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Directory of the database, used by one sandbox at a time [default: the user''s data dir, e.g. ~/.local/share/hookctl/sandbox; with -- CMD: a fresh temporary one, removed at the end]')
            [CompletionResult]::new('--lag', '--lag', [CompletionResultType]::ParameterName, 'How long after its attempt a partner event-log row appears: a duration or MIN..MAX (30s, 2m, 500ms; a bare number is seconds)')
            [CompletionResult]::new('--fail-rate', '--fail-rate', [CompletionResultType]::ParameterName, 'Share of attempts (0 to 1) that fail as if the network dropped them')
            [CompletionResult]::new('--retry-schedule', '--retry-schedule', [CompletionResultType]::ParameterName, 'Pauses before each retry, comma-separated; when they are used up the delivery is dead_letter ("none": no retries) (30s, 2m, 500ms; a bare number is seconds)')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'The token clients must send [default: hookctl-sandbox]')
            [CompletionResult]::new('--seed-url', '--seed-url', [CompletionResultType]::ParameterName, 'Where the seeded endpoints deliver [default: http://127.0.0.1:8787/, `hookctl listen`''s address]')
            [CompletionResult]::new('--header-timeout', '--header-timeout', [CompletionResultType]::ParameterName, 'Time a client has to send request headers; also closes idle keep-alive connections (30s, 2m, 500ms; a bare number is seconds)')
            [CompletionResult]::new('--body-timeout', '--body-timeout', [CompletionResultType]::ParameterName, 'Time a client has to send the request body (slower: 408) (30s, 2m, 500ms; a bare number is seconds)')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours (NO_COLOR and CLICOLOR_FORCE are honoured with auto)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Same as --output json')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Trace requests on stderr (secrets redacted); repeat for more')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Trace requests on stderr (secrets redacted); repeat for more')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'hookctl;demo' {
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours (NO_COLOR and CLICOLOR_FORCE are honoured with auto)')
            [CompletionResult]::new('--keep', '--keep', [CompletionResultType]::ParameterName, 'Keep the temporary sandbox database instead of deleting it (its path is printed)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Same as --output json')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Trace requests on stderr (secrets redacted); repeat for more')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Trace requests on stderr (secrets redacted); repeat for more')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'hookctl;config' {
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile from the config file [env: HOOKCTL_PROFILE]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours (NO_COLOR and CLICOLOR_FORCE are honoured with auto)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Same as --output json')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Trace requests on stderr (secrets redacted); repeat for more')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Trace requests on stderr (secrets redacted); repeat for more')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('init', 'init', [CompletionResultType]::ParameterValue, 'Create or update a profile from flags, else HOOKCTL_PROVIDER/BASE_URL/TOKEN/SECRET (prompts on a terminal for the rest; refuses when nothing is given)')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List profiles')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show a profile with secrets masked (default: the one in use)')
            [CompletionResult]::new('set', 'set', [CompletionResultType]::ParameterValue, 'Set a key of a profile (default: the one in use); an empty value unsets it')
            [CompletionResult]::new('use', 'use', [CompletionResultType]::ParameterValue, 'Make a profile the one used by default')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'hookctl;config;init' {
            [CompletionResult]::new('--name', '--name', [CompletionResultType]::ParameterName, 'Profile name [default: the --profile given, else "default"]')
            [CompletionResult]::new('--secret', '--secret', [CompletionResultType]::ParameterName, 'Webhook signing secret for listen/verify (repeat for rotation)')
            [CompletionResult]::new('--auth-header', '--auth-header', [CompletionResultType]::ParameterName, 'Header carrying the token instead of the preset''s (e.g. XApiKey)')
            [CompletionResult]::new('--provider', '--provider', [CompletionResultType]::ParameterName, 'Provider preset: partner (debitura), closient, xpath, personio [env: HOOKCTL_PROVIDER]')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'Base URL of the provider API [env: HOOKCTL_BASE_URL]')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'API token; prefer HOOKCTL_TOKEN, command lines end up in shell history [env: HOOKCTL_TOKEN, with --sandbox HOOKCTL_SANDBOX_TOKEN]')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Talk to a running `hookctl sandbox` instead of the provider (without URL: HOOKCTL_SANDBOX''s, else http://127.0.0.1:8788): base URL <sandbox>/<provider>, its default token unless --token or HOOKCTL_SANDBOX_TOKEN; --base-url beats HOOKCTL_SANDBOX [env: HOOKCTL_SANDBOX]')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'How long each API request may take (30s, 2m, 500ms; a bare number is seconds) [default: 30s] [env: HOOKCTL_HTTP_TIMEOUT]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile from the config file [env: HOOKCTL_PROFILE]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours (NO_COLOR and CLICOLOR_FORCE are honoured with auto)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt, even on a terminal')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Replace the profile if it exists (otherwise given values are merged into it)')
            [CompletionResult]::new('--no-use', '--no-use', [CompletionResultType]::ParameterName, 'Do not make this profile the default')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Same as --output json')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Trace requests on stderr (secrets redacted); repeat for more')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Trace requests on stderr (secrets redacted); repeat for more')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'hookctl;config;list' {
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile from the config file [env: HOOKCTL_PROFILE]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours (NO_COLOR and CLICOLOR_FORCE are honoured with auto)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Same as --output json')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Trace requests on stderr (secrets redacted); repeat for more')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Trace requests on stderr (secrets redacted); repeat for more')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'hookctl;config;show' {
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile from the config file [env: HOOKCTL_PROFILE]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours (NO_COLOR and CLICOLOR_FORCE are honoured with auto)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Same as --output json')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Trace requests on stderr (secrets redacted); repeat for more')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Trace requests on stderr (secrets redacted); repeat for more')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'hookctl;config;set' {
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile from the config file [env: HOOKCTL_PROFILE]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours (NO_COLOR and CLICOLOR_FORCE are honoured with auto)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Same as --output json')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Trace requests on stderr (secrets redacted); repeat for more')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Trace requests on stderr (secrets redacted); repeat for more')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'hookctl;config;use' {
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile from the config file [env: HOOKCTL_PROFILE]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours (NO_COLOR and CLICOLOR_FORCE are honoured with auto)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Same as --output json')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Trace requests on stderr (secrets redacted); repeat for more')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Trace requests on stderr (secrets redacted); repeat for more')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'hookctl;config;help' {
            [CompletionResult]::new('init', 'init', [CompletionResultType]::ParameterValue, 'Create or update a profile from flags, else HOOKCTL_PROVIDER/BASE_URL/TOKEN/SECRET (prompts on a terminal for the rest; refuses when nothing is given)')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List profiles')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show a profile with secrets masked (default: the one in use)')
            [CompletionResult]::new('set', 'set', [CompletionResultType]::ParameterValue, 'Set a key of a profile (default: the one in use); an empty value unsets it')
            [CompletionResult]::new('use', 'use', [CompletionResultType]::ParameterValue, 'Make a profile the one used by default')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'hookctl;config;help;init' {
            break
        }
        'hookctl;config;help;list' {
            break
        }
        'hookctl;config;help;show' {
            break
        }
        'hookctl;config;help;set' {
            break
        }
        'hookctl;config;help;use' {
            break
        }
        'hookctl;config;help;help' {
            break
        }
        'hookctl;completions' {
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours (NO_COLOR and CLICOLOR_FORCE are honoured with auto)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Same as --output json')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Trace requests on stderr (secrets redacted); repeat for more')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Trace requests on stderr (secrets redacted); repeat for more')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'hookctl;man' {
            [CompletionResult]::new('--out', '--out', [CompletionResultType]::ParameterName, 'Directory to write the pages to (one per command); without it, print hookctl.1')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours (NO_COLOR and CLICOLOR_FORCE are honoured with auto)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Same as --output json')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Trace requests on stderr (secrets redacted); repeat for more')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Trace requests on stderr (secrets redacted); repeat for more')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'hookctl;help' {
            [CompletionResult]::new('endpoints', 'endpoints', [CompletionResultType]::ParameterValue, 'Manage webhook endpoints (partner: subscriptions)')
            [CompletionResult]::new('subscriptions', 'subscriptions', [CompletionResultType]::ParameterValue, 'Choose which event types an endpoint receives')
            [CompletionResult]::new('fire', 'fire', [CompletionResultType]::ParameterValue, 'Fire an event for a test case (partner) and optionally wait until it is delivered')
            [CompletionResult]::new('test', 'test', [CompletionResultType]::ParameterValue, 'Send a provider test event to an endpoint (closient, personio)')
            [CompletionResult]::new('replay', 'replay', [CompletionResultType]::ParameterValue, 'Replay a provider delivery, or re-send captured requests from a file')
            [CompletionResult]::new('events', 'events', [CompletionResultType]::ParameterValue, 'Read the provider''s event log, or wait for rows to appear')
            [CompletionResult]::new('listen', 'listen', [CompletionResultType]::ParameterValue, 'Run a local receiver that verifies, shows, captures and forwards webhooks')
            [CompletionResult]::new('verify', 'verify', [CompletionResultType]::ParameterValue, 'Verify a webhook signature offline')
            [CompletionResult]::new('sign', 'sign', [CompletionResultType]::ParameterValue, 'Print the signature headers a provider would send for a body')
            [CompletionResult]::new('send', 'send', [CompletionResultType]::ParameterValue, 'Sign a sample event and POST it to a URL')
            [CompletionResult]::new('probe', 'probe', [CompletionResultType]::ParameterValue, 'Check that a handler accepts genuine deliveries and rejects forged ones')
            [CompletionResult]::new('sandbox', 'sandbox', [CompletionResultType]::ParameterValue, 'Run a local emulator of the four provider APIs, with a real delivery pipeline')
            [CompletionResult]::new('demo', 'demo', [CompletionResultType]::ParameterValue, 'Show the whole loop offline: sandbox, verifying listener, fire, wait, test, replay')
            [CompletionResult]::new('config', 'config', [CompletionResultType]::ParameterValue, 'Manage profiles in the config file')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print shell completions')
            [CompletionResult]::new('man', 'man', [CompletionResultType]::ParameterValue, 'Write man pages')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'hookctl;help;endpoints' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List endpoints')
            [CompletionResult]::new('get', 'get', [CompletionResultType]::ParameterValue, 'Show one endpoint')
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Register an endpoint; prints its signing secret once')
            [CompletionResult]::new('update', 'update', [CompletionResultType]::ParameterValue, 'Change an endpoint''s URL, events, description or status')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete an endpoint (asks on a terminal)')
            [CompletionResult]::new('pause', 'pause', [CompletionResultType]::ParameterValue, 'Stop deliveries to an endpoint')
            [CompletionResult]::new('resume', 'resume', [CompletionResultType]::ParameterValue, 'Resume deliveries to an endpoint')
            [CompletionResult]::new('cleanup', 'cleanup', [CompletionResultType]::ParameterValue, 'Delete temporary endpoints left behind by `listen --register` runs that were killed')
            break
        }
        'hookctl;help;endpoints;list' {
            break
        }
        'hookctl;help;endpoints;get' {
            break
        }
        'hookctl;help;endpoints;create' {
            break
        }
        'hookctl;help;endpoints;update' {
            break
        }
        'hookctl;help;endpoints;delete' {
            break
        }
        'hookctl;help;endpoints;pause' {
            break
        }
        'hookctl;help;endpoints;resume' {
            break
        }
        'hookctl;help;endpoints;cleanup' {
            break
        }
        'hookctl;help;subscriptions' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'Event types each endpoint receives (or one endpoint''s)')
            [CompletionResult]::new('types', 'types', [CompletionResultType]::ParameterValue, 'The provider''s event catalog')
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Subscribe an endpoint to more event types')
            [CompletionResult]::new('remove', 'remove', [CompletionResultType]::ParameterValue, 'Unsubscribe an endpoint from event types')
            break
        }
        'hookctl;help;subscriptions;list' {
            break
        }
        'hookctl;help;subscriptions;types' {
            break
        }
        'hookctl;help;subscriptions;add' {
            break
        }
        'hookctl;help;subscriptions;remove' {
            break
        }
        'hookctl;help;fire' {
            break
        }
        'hookctl;help;test' {
            break
        }
        'hookctl;help;replay' {
            break
        }
        'hookctl;help;events' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List rows of the event log')
            [CompletionResult]::new('get', 'get', [CompletionResultType]::ParameterValue, 'Show one row')
            [CompletionResult]::new('wait', 'wait', [CompletionResultType]::ParameterValue, 'Wait until N new matching rows appear and are terminal')
            break
        }
        'hookctl;help;events;list' {
            break
        }
        'hookctl;help;events;get' {
            break
        }
        'hookctl;help;events;wait' {
            break
        }
        'hookctl;help;listen' {
            break
        }
        'hookctl;help;verify' {
            break
        }
        'hookctl;help;sign' {
            break
        }
        'hookctl;help;send' {
            break
        }
        'hookctl;help;probe' {
            break
        }
        'hookctl;help;sandbox' {
            break
        }
        'hookctl;help;demo' {
            break
        }
        'hookctl;help;config' {
            [CompletionResult]::new('init', 'init', [CompletionResultType]::ParameterValue, 'Create or update a profile from flags, else HOOKCTL_PROVIDER/BASE_URL/TOKEN/SECRET (prompts on a terminal for the rest; refuses when nothing is given)')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List profiles')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show a profile with secrets masked (default: the one in use)')
            [CompletionResult]::new('set', 'set', [CompletionResultType]::ParameterValue, 'Set a key of a profile (default: the one in use); an empty value unsets it')
            [CompletionResult]::new('use', 'use', [CompletionResultType]::ParameterValue, 'Make a profile the one used by default')
            break
        }
        'hookctl;help;config;init' {
            break
        }
        'hookctl;help;config;list' {
            break
        }
        'hookctl;help;config;show' {
            break
        }
        'hookctl;help;config;set' {
            break
        }
        'hookctl;help;config;use' {
            break
        }
        'hookctl;help;completions' {
            break
        }
        'hookctl;help;man' {
            break
        }
        'hookctl;help;help' {
            break
        }
    })

    $completions.Where{ $_.CompletionText -like "$wordToComplete*" } |
        Sort-Object -Property ListItemText
}
