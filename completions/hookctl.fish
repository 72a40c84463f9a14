# Print an optspec for argparse to handle cmd's options that are independent of any subcommand.
function __fish_hookctl_global_optspecs
    string join \n output= json color= q/quiet v/verbose h/help V/version
end

function __fish_hookctl_needs_command
    # Figure out if the current invocation already has a command.
    set -l cmd (commandline -opc)
    set -e cmd[1]
    argparse -s (__fish_hookctl_global_optspecs) -- $cmd 2>/dev/null
    or return
    if set -q argv[1]
        # Also print the command, so this can be used to figure out what it is.
        echo $argv[1]
        return 1
    end
    return 0
end

function __fish_hookctl_using_subcommand
    set -l cmd (__fish_hookctl_needs_command)
    test -z "$cmd"
    and return 1
    contains -- $cmd[1] $argv
end

complete -c hookctl -n "__fish_hookctl_needs_command" -l output -d 'Output format' -r -f -a "human\t''
json\t''"
complete -c hookctl -n "__fish_hookctl_needs_command" -l color -d 'When to use colours (NO_COLOR and CLICOLOR_FORCE are honoured with auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c hookctl -n "__fish_hookctl_needs_command" -l json -d 'Same as --output json'
complete -c hookctl -n "__fish_hookctl_needs_command" -s q -l quiet -d 'Print only results and errors'
complete -c hookctl -n "__fish_hookctl_needs_command" -s v -l verbose -d 'Trace requests on stderr (secrets redacted); repeat for more'
complete -c hookctl -n "__fish_hookctl_needs_command" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c hookctl -n "__fish_hookctl_needs_command" -s V -l version -d 'Print version'
complete -c hookctl -n "__fish_hookctl_needs_command" -f -a "endpoints" -d 'Manage webhook endpoints (partner: subscriptions)'
complete -c hookctl -n "__fish_hookctl_needs_command" -f -a "subscriptions" -d 'Choose which event types an endpoint receives'
complete -c hookctl -n "__fish_hookctl_needs_command" -f -a "fire" -d 'Fire an event for a test case (partner) and optionally wait until it is delivered'
complete -c hookctl -n "__fish_hookctl_needs_command" -f -a "test" -d 'Send a provider test event to an endpoint (closient, personio)'
complete -c hookctl -n "__fish_hookctl_needs_command" -f -a "replay" -d 'Replay a provider delivery, or re-send captured requests from a file'
complete -c hookctl -n "__fish_hookctl_needs_command" -f -a "events" -d 'Read the provider\'s event log, or wait for rows to appear'
complete -c hookctl -n "__fish_hookctl_needs_command" -f -a "listen" -d 'Run a local receiver that verifies, shows, captures and forwards webhooks'
complete -c hookctl -n "__fish_hookctl_needs_command" -f -a "verify" -d 'Verify a webhook signature offline'
complete -c hookctl -n "__fish_hookctl_needs_command" -f -a "sign" -d 'Print the signature headers a provider would send for a body'
complete -c hookctl -n "__fish_hookctl_needs_command" -f -a "send" -d 'Sign a sample event and POST it to a URL'
complete -c hookctl -n "__fish_hookctl_needs_command" -f -a "probe" -d 'Check that a handler accepts genuine deliveries and rejects forged ones'
complete -c hookctl -n "__fish_hookctl_needs_command" -f -a "sandbox" -d 'Run a local emulator of the four provider APIs, with a real delivery pipeline'
complete -c hookctl -n "__fish_hookctl_needs_command" -f -a "demo" -d 'Show the whole loop offline: sandbox, verifying listener, fire, wait, test, replay'
complete -c hookctl -n "__fish_hookctl_needs_command" -f -a "config" -d 'Manage profiles in the config file'
complete -c hookctl -n "__fish_hookctl_needs_command" -f -a "completions" -d 'Print shell completions'
complete -c hookctl -n "__fish_hookctl_needs_command" -f -a "man" -d 'Write man pages'
complete -c hookctl -n "__fish_hookctl_needs_command" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c hookctl -n "__fish_hookctl_using_subcommand endpoints; and not __fish_seen_subcommand_from list get create update delete pause resume cleanup help" -l profile -d 'Profile from the config file [env: HOOKCTL_PROFILE]' -r
complete -c hookctl -n "__fish_hookctl_using_subcommand endpoints; and not __fish_seen_subcommand_from list get create update delete pause resume cleanup help" -l provider -d 'Provider preset: partner (debitura), closient, xpath, personio [env: HOOKCTL_PROVIDER]' -r
complete -c hookctl -n "__fish_hookctl_using_subcommand endpoints; and not __fish_seen_subcommand_from list get create update delete pause resume cleanup help" -l base-url -d 'Base URL of the provider API [env: HOOKCTL_BASE_URL]' -r
complete -c hookctl -n "__fish_hookctl_using_subcommand endpoints; and not __fish_seen_subcommand_from list get create update delete pause resume cleanup help" -l token -d 'API token; prefer HOOKCTL_TOKEN, command lines end up in shell history [env: HOOKCTL_TOKEN, with --sandbox HOOKCTL_SANDBOX_TOKEN]' -r
complete -c hookctl -n "__fish_hookctl_using_subcommand endpoints; and not __fish_seen_subcommand_from list get create update delete pause resume cleanup help" -l sandbox -d 'Talk to a running `hookctl sandbox` instead of the provider (without URL: HOOKCTL_SANDBOX\'s, else http://127.0.0.1:8788): base URL <sandbox>/<provider>, its default token unless --token or HOOKCTL_SANDBOX_TOKEN; --base-url beats HOOKCTL_SANDBOX [env: HOOKCTL_SANDBOX]' -r
complete -c hookctl -n "__fish_hookctl_using_subcommand endpoints; and not __fish_seen_subcommand_from list get create update delete pause resume cleanup help" -l request-timeout -d 'How long each API request may take (30s, 2m, 500ms; a bare number is seconds) [default: 30s] [env: HOOKCTL_HTTP_TIMEOUT]' -r
complete -c hookctl -n "__fish_hookctl_using_subcommand endpoints; and not __fish_seen_subcommand_from list get create update delete pause resume cleanup help" -l output -d 'Output format' -r -f -a "human\t''
json\t''"
complete -c hookctl -n "__fish_hookctl_using_subcommand endpoints; and not __fish_seen_subcommand_from list get create update delete pause resume cleanup help" -l color -d 'When to use colours (NO_COLOR and CLICOLOR_FORCE are honoured with auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c hookctl -n "__fish_hookctl_using_subcommand endpoints; and not __fish_seen_subcommand_from list get create update delete pause resume cleanup help" -l json -d 'Same as --output json'
complete -c hookctl -n "__fish_hookctl_using_subcommand endpoints; and not __fish_seen_subcommand_from list get create update delete pause resume cleanup help" -s q -l quiet -d 'Print only results and errors'
complete -c hookctl -n "__fish_hookctl_using_subcommand endpoints; and not __fish_seen_subcommand_from list get create update delete pause resume cleanup help" -s v -l verbose -d 'Trace requests on stderr (secrets redacted); repeat for more'
complete -c hookctl -n "__fish_hookctl_using_subcommand endpoints; and not __fish_seen_subcommand_from list get create update delete pause resume cleanup help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c hookctl -n "__fish_hookctl_using_subcommand endpoints; and not __fish_seen_subcommand_from list get create update delete pause resume cleanup help" -s V -l version -d 'Print version'
complete -c hookctl -n "__fish_hookctl_using_subcommand endpoints; and not __fish_seen_subcommand_from list get create update delete pause resume cleanup help" -f -a "list" -d 'List endpoints'
complete -c hookctl -n "__fish_hookctl_using_subcommand endpoints; and not __fish_seen_subcommand_from list get create update delete pause resume cleanup help" -f -a "get" -d 'Show one endpoint'
complete -c hookctl -n "__fish_hookctl_using_subcommand endpoints; and not __fish_seen_subcommand_from list get create update delete pause resume cleanup help" -f -a "create" -d 'Register an endpoint; prints its signing secret once'
complete -c hookctl -n "__fish_hookctl_using_subcommand endpoints; and not __fish_seen_subcommand_from list get create update delete pause resume cleanup help" -f -a "update" -d 'Change an endpoint\'s URL, events, description or status'
complete -c hookctl -n "__fish_hookctl_using_subcommand endpoints; and not __fish_seen_subcommand_from list get create update delete pause resume cleanup help" -f -a "delete" -d 'Delete an endpoint (asks on a terminal)'
complete -c hookctl -n "__fish_hookctl_using_subcommand endpoints; and not __fish_seen_subcommand_from list get create update delete pause resume cleanup help" -f -a "pause" -d 'Stop deliveries to an endpoint'
complete -c hookctl -n "__fish_hookctl_using_subcommand endpoints; and not __fish_seen_subcommand_from list get create update delete pause resume cleanup help" -f -a "resume" -d 'Resume deliveries to an endpoint'
complete -c hookctl -n "__fish_hookctl_using_subcommand endpoints; and not __fish_seen_subcommand_from list get create update delete pause resume cleanup help" -f -a "cleanup" -d 'Delete temporary endpoints left behind by `listen --register` runs that were killed'
complete -c hookctl -n "__fish_hookctl_using_subcommand endpoints; and not __fish_seen_subcommand_from list get create update delete pause resume cleanup help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c hookctl -n "__fish_hookctl_using_subcommand endpoints; and __fish_seen_subcommand_from list" -l profile -d 'Profile from the config file [env: HOOKCTL_PROFILE]' -r
complete -c hookctl -n "__fish_hookctl_using_subcommand endpoints; and __fish_seen_subcommand_from list" -l provider -d 'Provider preset: partner (debitura), closient, xpath, personio [env: HOOKCTL_PROVIDER]' -r
complete -c hookctl -n "__fish_hookctl_using_subcommand endpoints; and __fish_seen_subcommand_from list" -l base-url -d 'Base URL of the provider API [env: HOOKCTL_BASE_URL]' -r
complete -c hookctl -n "__fish_hookctl_using_subcommand endpoints; and __fish_seen_subcommand_from list" -l token -d 'API token; prefer HOOKCTL_TOKEN, command lines end up in shell history [env: HOOKCTL_TOKEN, with --sandbox HOOKCTL_SANDBOX_TOKEN]' -r
complete -c hookctl -n "__fish_hookctl_using_subcommand endpoints; and __fish_seen_subcommand_from list" -l sandbox -d 'Talk to a running `hookctl sandbox` instead of the provider (without URL: HOOKCTL_SANDBOX\'s, else http://127.0.0.1:8788): base URL <sandbox>/<provider>, its default token unless --token or HOOKCTL_SANDBOX_TOKEN; --base-url beats HOOKCTL_SANDBOX [env: HOOKCTL_SANDBOX]' -r
complete -c hookctl -n "__fish_hookctl_using_subcommand endpoints; and __fish_seen_subcommand_from list" -l request-timeout -d 'How long each API request may take (30s, 2m, 500ms; a bare number is seconds) [default: 30s] [env: HOOKCTL_HTTP_TIMEOUT]' -r
complete -c hookctl -n "__fish_hookctl_using_subcommand endpoints; and __fish_seen_subcommand_from list" -l output -d 'Output format' -r -f -a "human\t''
json\t''"
complete -c hookctl -n "__fish_hookctl_using_subcommand endpoints; and __fish_seen_subcommand_from list" -l color -d 'When to use colours (NO_COLOR and CLICOLOR_FORCE are honoured with auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c hookctl -n "__fish_hookctl_using_subcommand endpoints; and __fish_seen_subcommand_from list" -l json -d 'Same as --output json'
complete -c hookctl -n "__fish_hookctl_using_subcommand endpoints; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Print only results and errors'
complete -c hookctl -n "__fish_hookctl_using_subcommand endpoints; and __fish_seen_subcommand_from list" -s v -l verbose -d 'Trace requests on stderr (secrets redacted); repeat for more'
complete -c hookctl -n "__fish_hookctl_using_subcommand endpoints; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c hookctl -n "__fish_hookctl_using_subcommand endpoints; and __fish_seen_subcommand_from list" -s V -l version -d 'Print version'
complete -c hookctl -n "__fish_hookctl_using_subcommand endpoints; and __fish_seen_subcommand_from get" -l profile -d 'Profile from the config file [env: HOOKCTL_PROFILE]' -r
complete -c hookctl -n "__fish_hookctl_using_subcommand endpoints; and __fish_seen_subcommand_from get" -l provider -d 'Provider preset: partner (debitura), closient, xpath, personio [env: HOOKCTL_PROVIDER]' -r
complete -c hookctl -n "__fish_hookctl_using_subcommand endpoints; and __fish_seen_subcommand_from get" -l base-url -d 'Base URL of the provider API [env: HOOKCTL_BASE_URL]' -r
complete -c hookctl -n "__fish_hookctl_using_subcommand endpoints; and __fish_seen_subcommand_from get" -l token -d 'API token; prefer HOOKCTL_TOKEN, command lines end up in shell history [env: HOOKCTL_TOKEN, with --sandbox HOOKCTL_SANDBOX_TOKEN]' -r
complete -c hookctl -n "__fish_hookctl_using_subcommand endpoints; and __fish_seen_subcommand_from get" -l sandbox -d 'Talk to a running `hookctl sandbox` instead of the provider (without URL: HOOKCTL_SANDBOX\'s, else http://127.0.0.1:8788): base URL <sandbox>/<provider>, its default token unless --token or HOOKCTL_SANDBOX_TOKEN; --base-url beats HOOKCTL_SANDBOX [env: HOOKCTL_SANDBOX]' -r
complete -c hookctl -n "__fish_hookctl_using_subcommand endpoints; and __fish_seen_subcommand_from get" -l request-timeout -d 'How long each API request may take (30s, 2m, 500ms; a bare number is seconds) [default: 30s] [env: HOOKCTL_HTTP_TIMEOUT]' -r
complete -c hookctl -n "__fish_hookctl_using_subcommand endpoints; and __fish_seen_subcommand_from get" -l output -d 'Output format' -r -f -a "human\t''
json\t''"
complete -c hookctl -n "__fish_hookctl_using_subcommand endpoints; and __fish_seen_subcommand_from get" -l color -d 'When to use colours (NO_COLOR and CLICOLOR_FORCE are honoured with auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c hookctl -n "__fish_hookctl_using_subcommand endpoints; and __fish_seen_subcommand_from get" -l json -d 'Same as --output json'
complete -c hookctl -n "__fish_hookctl_using_subcommand endpoints; and __fish_seen_subcommand_from get" -s q -l quiet -d 'Print only results and errors'
complete -c hookctl -n "__fish_hookctl_using_subcommand endpoints; and __fish_seen_subcommand_from get" -s v -l verbose -d 'Trace requests on stderr (secrets redacted); repeat for more'
complete -c hookctl -n "__fish_hookctl_using_subcommand endpoints; and __fish_seen_subcommand_from get" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c hookctl -n "__fish_hookctl_using_subcommand endpoints; and __fish_seen_subcommand_from get" -s V -l version -d 'Print version'
complete -c hookctl -n "__fish_hookctl_using_subcommand endpoints; and __fish_seen_subcommand_from create" -l url -d 'Destination URL' -r
complete -c hookctl -n "__fish_hookctl_using_subcommand endpoints; and __fish_seen_subcommand_from create" -l event -d 'Event type to subscribe to; repeatable' -r -f -a "case.assigned\t'current lifecycle'
case.updated\t'current lifecycle (oldLifecycle and newLifecycle both reflect current state)'
case.closed\t'current close code and comment'
payment.created\t'most recent payment on the case (422 if no payments exist)'
chat.created\t'most recent chat message on the case (422 if no chats exist)'
cases.*\t'every case event'
cases.created\t'a case was created'
cases.updated\t'a case was updated'
cases.closed\t'a case was closed'
cases.archived\t'a case was archived'
cases.unarchived\t'a case was unarchived'
cases.tasks.*\t'every case task event'
cases.expenses.*\t'every case expense event'
assignments.*\t'every assignment event'
assignments.created\t'an assignment was created'
assignments.updated\t'an assignment was updated'
assignments.status.updated\t'an assignment\'s status changed'
assignments.archived\t'an assignment was archived'
assignments.unarchived\t'an assignment was unarchived'
assignments.extensions.created\t'an assignment extension was created'
assignments.contacts.*\t'every assignment contact event'
assignments.billing-details.*\t'every assignment billing-details event'
person.created\t'needs payload_data person.id'
person.updated\t'needs payload_data person.id'
person.deleted\t'needs payload_data person.id'
employment.created\t'an employment was added'
employment.updated\t'an employment changed'
employment.deleted\t'an employment was removed'
employment.started\t'an employment starts today'
employment.terminated\t'an employment ends today'
absence-period.created\t'an absence period was created'
absence-period.updated.timerange\t'an absence period\'s time range changed'
absence-period.updated.status\t'an absence period\'s status changed'
absence-period.deleted\t'an absence period was deleted'
attendance-period.created\t'an attendance period was created'
attendance-period.updated\t'an attendance period was changed'
attendance-period.deleted\t'an attendance period was deleted'
document.created\t'needs payload_data document.id and document.owner.id'
document.updated\t'needs payload_data document.id and document.owner.id'
document.signed\t'needs payload_data document.id and document.owner.id'
document.deleted\t'needs payload_data document.id and document.owner.id'"
complete -c hookctl -n "__fish_hookctl_using_subcommand endpoints; and __fish_seen_subcommand_from create" -l description -d 'Label' -r
complete -c hookctl -n "__fish_hookctl_using_subcommand endpoints; and __fish_seen_subcommand_from create" -l profile -d 'Profile from the config file [env: HOOKCTL_PROFILE]' -r
complete -c hookctl -n "__fish_hookctl_using_subcommand endpoints; and __fish_seen_subcommand_from create" -l provider -d 'Provider preset: partner (debitura), closient, xpath, personio [env: HOOKCTL_PROVIDER]' -r
complete -c hookctl -n "__fish_hookctl_using_subcommand endpoints; and __fish_seen_subcommand_from create" -l base-url -d 'Base URL of the provider API [env: HOOKCTL_BASE_URL]' -r
complete -c hookctl -n "__fish_hookctl_using_subcommand endpoints; and __fish_seen_subcommand_from create" -l token -d 'API token; prefer HOOKCTL_TOKEN, command lines end up in shell history [env: HOOKCTL_TOKEN, with --sandbox HOOKCTL_SANDBOX_TOKEN]' -r
complete -c hookctl -n "__fish_hookctl_using_subcommand endpoints; and __fish_seen_subcommand_from create" -l sandbox -d 'Talk to a running `hookctl sandbox` instead of the provider (without URL: HOOKCTL_SANDBOX\'s, else http://127.0.0.1:8788): base URL <sandbox>/<provider>, its default token unless --token or HOOKCTL_SANDBOX_TOKEN; --base-url beats HOOKCTL_SANDBOX [env: HOOKCTL_SANDBOX]' -r
complete -c hookctl -n "__fish_hookctl_using_subcommand endpoints; and __fish_seen_subcommand_from create" -l request-timeout -d 'How long each API request may take (30s, 2m, 500ms; a bare number is seconds) [default: 30s] [env: HOOKCTL_HTTP_TIMEOUT]' -r
complete -c hookctl -n "__fish_hookctl_using_subcommand endpoints; and __fish_seen_subcommand_from create" -l output -d 'Output format' -r -f -a "human\t''
json\t''"
complete -c hookctl -n "__fish_hookctl_using_subcommand endpoints; and __fish_seen_subcommand_from create" -l color -d 'When to use colours (NO_COLOR and CLICOLOR_FORCE are honoured with auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c hookctl -n "__fish_hookctl_using_subcommand endpoints; and __fish_seen_subcommand_from create" -l paused -d 'Create it paused'
complete -c hookctl -n "__fish_hookctl_using_subcommand endpoints; and __fish_seen_subcommand_from create" -l save-secret -d 'Store the returned signing secret in the current profile without asking'
complete -c hookctl -n "__fish_hookctl_using_subcommand endpoints; and __fish_seen_subcommand_from create" -l json -d 'Same as --output json'
complete -c hookctl -n "__fish_hookctl_using_subcommand endpoints; and __fish_seen_subcommand_from create" -s q -l quiet -d 'Print only results and errors'
complete -c hookctl -n "__fish_hookctl_using_subcommand endpoints; and __fish_seen_subcommand_from create" -s v -l verbose -d 'Trace requests on stderr (secrets redacted); repeat for more'
complete -c hookctl -n "__fish_hookctl_using_subcommand endpoints; and __fish_seen_subcommand_from create" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c hookctl -n "__fish_hookctl_using_subcommand endpoints; and __fish_seen_subcommand_from create" -s V -l version -d 'Print version'
complete -c hookctl -n "__fish_hookctl_using_subcommand endpoints; and __fish_seen_subcommand_from update" -l url -d 'New destination URL' -r
complete -c hookctl -n "__fish_hookctl_using_subcommand endpoints; and __fish_seen_subcommand_from update" -l event -d 'Replace the subscribed event types; repeatable' -r -f -a "case.assigned\t'current lifecycle'
case.updated\t'current lifecycle (oldLifecycle and newLifecycle both reflect current state)'
case.closed\t'current close code and comment'
payment.created\t'most recent payment on the case (422 if no payments exist)'
chat.created\t'most recent chat message on the case (422 if no chats exist)'
cases.*\t'every case event'
cases.created\t'a case was created'
cases.updated\t'a case was updated'
cases.closed\t'a case was closed'
cases.archived\t'a case was archived'
cases.unarchived\t'a case was unarchived'
cases.tasks.*\t'every case task event'
cases.expenses.*\t'every case expense event'
assignments.*\t'every assignment event'
assignments.created\t'an assignment was created'
assignments.updated\t'an assignment was updated'
assignments.status.updated\t'an assignment\'s status changed'
assignments.archived\t'an assignment was archived'
assignments.unarchived\t'an assignment was unarchived'
assignments.extensions.created\t'an assignment extension was created'
assignments.contacts.*\t'every assignment contact event'
assignments.billing-details.*\t'every assignment billing-details event'
person.created\t'needs payload_data person.id'
person.updated\t'needs payload_data person.id'
person.deleted\t'needs payload_data person.id'
employment.created\t'an employment was added'
employment.updated\t'an employment changed'
employment.deleted\t'an employment was removed'
employment.started\t'an employment starts today'
employment.terminated\t'an employment ends today'
absence-period.created\t'an absence period was created'
absence-period.updated.timerange\t'an absence period\'s time range changed'
absence-period.updated.status\t'an absence period\'s status changed'
absence-period.deleted\t'an absence period was deleted'
attendance-period.created\t'an attendance period was created'
attendance-period.updated\t'an attendance period was changed'
attendance-period.deleted\t'an attendance period was deleted'
document.created\t'needs payload_data document.id and document.owner.id'
document.updated\t'needs payload_data document.id and document.owner.id'
document.signed\t'needs payload_data document.id and document.owner.id'
document.deleted\t'needs payload_data document.id and document.owner.id'"
complete -c hookctl -n "__fish_hookctl_using_subcommand endpoints; and __fish_seen_subcommand_from update" -l description -d 'New label' -r
complete -c hookctl -n "__fish_hookctl_using_subcommand endpoints; and __fish_seen_subcommand_from update" -l profile -d 'Profile from the config file [env: HOOKCTL_PROFILE]' -r
complete -c hookctl -n "__fish_hookctl_using_subcommand endpoints; and __fish_seen_subcommand_from update" -l provider -d 'Provider preset: partner (debitura), closient, xpath, personio [env: HOOKCTL_PROVIDER]' -r
complete -c hookctl -n "__fish_hookctl_using_subcommand endpoints; and __fish_seen_subcommand_from update" -l base-url -d 'Base URL of the provider API [env: HOOKCTL_BASE_URL]' -r
complete -c hookctl -n "__fish_hookctl_using_subcommand endpoints; and __fish_seen_subcommand_from update" -l token -d 'API token; prefer HOOKCTL_TOKEN, command lines end up in shell history [env: HOOKCTL_TOKEN, with --sandbox HOOKCTL_SANDBOX_TOKEN]' -r
complete -c hookctl -n "__fish_hookctl_using_subcommand endpoints; and __fish_seen_subcommand_from update" -l sandbox -d 'Talk to a running `hookctl sandbox` instead of the provider (without URL: HOOKCTL_SANDBOX\'s, else http://127.0.0.1:8788): base URL <sandbox>/<provider>, its default token unless --token or HOOKCTL_SANDBOX_TOKEN; --base-url beats HOOKCTL_SANDBOX [env: HOOKCTL_SANDBOX]' -r
complete -c hookctl -n "__fish_hookctl_using_subcommand endpoints; and __fish_seen_subcommand_from update" -l request-timeout -d 'How long each API request may take (30s, 2m, 500ms; a bare number is seconds) [default: 30s] [env: HOOKCTL_HTTP_TIMEOUT]' -r
complete -c hookctl -n "__fish_hookctl_using_subcommand endpoints; and __fish_seen_subcommand_from update" -l output -d 'Output format' -r -f -a "human\t''
json\t''"
complete -c hookctl -n "__fish_hookctl_using_subcommand endpoints; and __fish_seen_subcommand_from update" -l color -d 'When to use colours (NO_COLOR and CLICOLOR_FORCE are honoured with auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c hookctl -n "__fish_hookctl_using_subcommand endpoints; and __fish_seen_subcommand_from update" -l json -d 'Same as --output json'
complete -c hookctl -n "__fish_hookctl_using_subcommand endpoints; and __fish_seen_subcommand_from update" -s q -l quiet -d 'Print only results and errors'
complete -c hookctl -n "__fish_hookctl_using_subcommand endpoints; and __fish_seen_subcommand_from update" -s v -l verbose -d 'Trace requests on stderr (secrets redacted); repeat for more'
complete -c hookctl -n "__fish_hookctl_using_subcommand endpoints; and __fish_seen_subcommand_from update" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c hookctl -n "__fish_hookctl_using_subcommand endpoints; and __fish_seen_subcommand_from update" -s V -l version -d 'Print version'
complete -c hookctl -n "__fish_hookctl_using_subcommand endpoints; and __fish_seen_subcommand_from delete" -l profile -d 'Profile from the config file [env: HOOKCTL_PROFILE]' -r
complete -c hookctl -n "__fish_hookctl_using_subcommand endpoints; and __fish_seen_subcommand_from delete" -l provider -d 'Provider preset: partner (debitura), closient, xpath, personio [env: HOOKCTL_PROVIDER]' -r
complete -c hookctl -n "__fish_hookctl_using_subcommand endpoints; and __fish_seen_subcommand_from delete" -l base-url -d 'Base URL of the provider API [env: HOOKCTL_BASE_URL]' -r
complete -c hookctl -n "__fish_hookctl_using_subcommand endpoints; and __fish_seen_subcommand_from delete" -l token -d 'API token; prefer HOOKCTL_TOKEN, command lines end up in shell history [env: HOOKCTL_TOKEN, with --sandbox HOOKCTL_SANDBOX_TOKEN]' -r
complete -c hookctl -n "__fish_hookctl_using_subcommand endpoints; and __fish_seen_subcommand_from delete" -l sandbox -d 'Talk to a running `hookctl sandbox` instead of the provider (without URL: HOOKCTL_SANDBOX\'s, else http://127.0.0.1:8788): base URL <sandbox>/<provider>, its default token unless --token or HOOKCTL_SANDBOX_TOKEN; --base-url beats HOOKCTL_SANDBOX [env: HOOKCTL_SANDBOX]' -r
complete -c hookctl -n "__fish_hookctl_using_subcommand endpoints; and __fish_seen_subcommand_from delete" -l request-timeout -d 'How long each API request may take (30s, 2m, 500ms; a bare number is seconds) [default: 30s] [env: HOOKCTL_HTTP_TIMEOUT]' -r
complete -c hookctl -n "__fish_hookctl_using_subcommand endpoints; and __fish_seen_subcommand_from delete" -l output -d 'Output format' -r -f -a "human\t''
json\t''"
complete -c hookctl -n "__fish_hookctl_using_subcommand endpoints; and __fish_seen_subcommand_from delete" -l color -d 'When to use colours (NO_COLOR and CLICOLOR_FORCE are honoured with auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c hookctl -n "__fish_hookctl_using_subcommand endpoints; and __fish_seen_subcommand_from delete" -s y -l yes -d 'Do not ask for confirmation'
complete -c hookctl -n "__fish_hookctl_using_subcommand endpoints; and __fish_seen_subcommand_from delete" -l json -d 'Same as --output json'
complete -c hookctl -n "__fish_hookctl_using_subcommand endpoints; and __fish_seen_subcommand_from delete" -s q -l quiet -d 'Print only results and errors'
complete -c hookctl -n "__fish_hookctl_using_subcommand endpoints; and __fish_seen_subcommand_from delete" -s v -l verbose -d 'Trace requests on stderr (secrets redacted); repeat for more'
complete -c hookctl -n "__fish_hookctl_using_subcommand endpoints; and __fish_seen_subcommand_from delete" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c hookctl -n "__fish_hookctl_using_subcommand endpoints; and __fish_seen_subcommand_from delete" -s V -l version -d 'Print version'
complete -c hookctl -n "__fish_hookctl_using_subcommand endpoints; and __fish_seen_subcommand_from pause" -l profile -d 'Profile from the config file [env: HOOKCTL_PROFILE]' -r
complete -c hookctl -n "__fish_hookctl_using_subcommand endpoints; and __fish_seen_subcommand_from pause" -l provider -d 'Provider preset: partner (debitura), closient, xpath, personio [env: HOOKCTL_PROVIDER]' -r
complete -c hookctl -n "__fish_hookctl_using_subcommand endpoints; and __fish_seen_subcommand_from pause" -l base-url -d 'Base URL of the provider API [env: HOOKCTL_BASE_URL]' -r
complete -c hookctl -n "__fish_hookctl_using_subcommand endpoints; and __fish_seen_subcommand_from pause" -l token -d 'API token; prefer HOOKCTL_TOKEN, command lines end up in shell history [env: HOOKCTL_TOKEN, with --sandbox HOOKCTL_SANDBOX_TOKEN]' -r
complete -c hookctl -n "__fish_hookctl_using_subcommand endpoints; and __fish_seen_subcommand_from pause" -l sandbox -d 'Talk to a running `hookctl sandbox` instead of the provider (without URL: HOOKCTL_SANDBOX\'s, else http://127.0.0.1:8788): base URL <sandbox>/<provider>, its default token unless --token or HOOKCTL_SANDBOX_TOKEN; --base-url beats HOOKCTL_SANDBOX [env: HOOKCTL_SANDBOX]' -r
complete -c hookctl -n "__fish_hookctl_using_subcommand endpoints; and __fish_seen_subcommand_from pause" -l request-timeout -d 'How long each API request may take (30s, 2m, 500ms; a bare number is seconds) [default: 30s] [env: HOOKCTL_HTTP_TIMEOUT]' -r
complete -c hookctl -n "__fish_hookctl_using_subcommand endpoints; and __fish_seen_subcommand_from pause" -l output -d 'Output format' -r -f -a "human\t''
json\t''"
complete -c hookctl -n "__fish_hookctl_using_subcommand endpoints; and __fish_seen_subcommand_from pause" -l color -d 'When to use colours (NO_COLOR and CLICOLOR_FORCE are honoured with auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c hookctl -n "__fish_hookctl_using_subcommand endpoints; and __fish_seen_subcommand_from pause" -l json -d 'Same as --output json'
complete -c hookctl -n "__fish_hookctl_using_subcommand endpoints; and __fish_seen_subcommand_from pause" -s q -l quiet -d 'Print only results and errors'
complete -c hookctl -n "__fish_hookctl_using_subcommand endpoints; and __fish_seen_subcommand_from pause" -s v -l verbose -d 'Trace requests on stderr (secrets redacted); repeat for more'
complete -c hookctl -n "__fish_hookctl_using_subcommand endpoints; and __fish_seen_subcommand_from pause" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c hookctl -n "__fish_hookctl_using_subcommand endpoints; and __fish_seen_subcommand_from pause" -s V -l version -d 'Print version'
complete -c hookctl -n "__fish_hookctl_using_subcommand endpoints; and __fish_seen_subcommand_from resume" -l profile -d 'Profile from the config file [env: HOOKCTL_PROFILE]' -r
complete -c hookctl -n "__fish_hookctl_using_subcommand endpoints; and __fish_seen_subcommand_from resume" -l provider -d 'Provider preset: partner (debitura), closient, xpath, personio [env: HOOKCTL_PROVIDER]' -r
complete -c hookctl -n "__fish_hookctl_using_subcommand endpoints; and __fish_seen_subcommand_from resume" -l base-url -d 'Base URL of the provider API [env: HOOKCTL_BASE_URL]' -r
complete -c hookctl -n "__fish_hookctl_using_subcommand endpoints; and __fish_seen_subcommand_from resume" -l token -d 'API token; prefer HOOKCTL_TOKEN, command lines end up in shell history [env: HOOKCTL_TOKEN, with --sandbox HOOKCTL_SANDBOX_TOKEN]' -r
complete -c hookctl -n "__fish_hookctl_using_subcommand endpoints; and __fish_seen_subcommand_from resume" -l sandbox -d 'Talk to a running `hookctl sandbox` instead of the provider (without URL: HOOKCTL_SANDBOX\'s, else http://127.0.0.1:8788): base URL <sandbox>/<provider>, its default token unless --token or HOOKCTL_SANDBOX_TOKEN; --base-url beats HOOKCTL_SANDBOX [env: HOOKCTL_SANDBOX]' -r
complete -c hookctl -n "__fish_hookctl_using_subcommand endpoints; and __fish_seen_subcommand_from resume" -l request-timeout -d 'How long each API request may take (30s, 2m, 500ms; a bare number is seconds) [default: 30s] [env: HOOKCTL_HTTP_TIMEOUT]' -r
complete -c hookctl -n "__fish_hookctl_using_subcommand endpoints; and __fish_seen_subcommand_from resume" -l output -d 'Output format' -r -f -a "human\t''
json\t''"
complete -c hookctl -n "__fish_hookctl_using_subcommand endpoints; and __fish_seen_subcommand_from resume" -l color -d 'When to use colours (NO_COLOR and CLICOLOR_FORCE are honoured with auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c hookctl -n "__fish_hookctl_using_subcommand endpoints; and __fish_seen_subcommand_from resume" -l json -d 'Same as --output json'
complete -c hookctl -n "__fish_hookctl_using_subcommand endpoints; and __fish_seen_subcommand_from resume" -s q -l quiet -d 'Print only results and errors'
complete -c hookctl -n "__fish_hookctl_using_subcommand endpoints; and __fish_seen_subcommand_from resume" -s v -l verbose -d 'Trace requests on stderr (secrets redacted); repeat for more'
complete -c hookctl -n "__fish_hookctl_using_subcommand endpoints; and __fish_seen_subcommand_from resume" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c hookctl -n "__fish_hookctl_using_subcommand endpoints; and __fish_seen_subcommand_from resume" -s V -l version -d 'Print version'
complete -c hookctl -n "__fish_hookctl_using_subcommand endpoints; and __fish_seen_subcommand_from cleanup" -l profile -d 'Profile from the config file [env: HOOKCTL_PROFILE]' -r
complete -c hookctl -n "__fish_hookctl_using_subcommand endpoints; and __fish_seen_subcommand_from cleanup" -l provider -d 'Provider preset: partner (debitura), closient, xpath, personio [env: HOOKCTL_PROVIDER]' -r
complete -c hookctl -n "__fish_hookctl_using_subcommand endpoints; and __fish_seen_subcommand_from cleanup" -l base-url -d 'Base URL of the provider API [env: HOOKCTL_BASE_URL]' -r
complete -c hookctl -n "__fish_hookctl_using_subcommand endpoints; and __fish_seen_subcommand_from cleanup" -l token -d 'API token; prefer HOOKCTL_TOKEN, command lines end up in shell history [env: HOOKCTL_TOKEN, with --sandbox HOOKCTL_SANDBOX_TOKEN]' -r
complete -c hookctl -n "__fish_hookctl_using_subcommand endpoints; and __fish_seen_subcommand_from cleanup" -l sandbox -d 'Talk to a running `hookctl sandbox` instead of the provider (without URL: HOOKCTL_SANDBOX\'s, else http://127.0.0.1:8788): base URL <sandbox>/<provider>, its default token unless --token or HOOKCTL_SANDBOX_TOKEN; --base-url beats HOOKCTL_SANDBOX [env: HOOKCTL_SANDBOX]' -r
complete -c hookctl -n "__fish_hookctl_using_subcommand endpoints; and __fish_seen_subcommand_from cleanup" -l request-timeout -d 'How long each API request may take (30s, 2m, 500ms; a bare number is seconds) [default: 30s] [env: HOOKCTL_HTTP_TIMEOUT]' -r
complete -c hookctl -n "__fish_hookctl_using_subcommand endpoints; and __fish_seen_subcommand_from cleanup" -l output -d 'Output format' -r -f -a "human\t''
json\t''"
complete -c hookctl -n "__fish_hookctl_using_subcommand endpoints; and __fish_seen_subcommand_from cleanup" -l color -d 'When to use colours (NO_COLOR and CLICOLOR_FORCE are honoured with auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c hookctl -n "__fish_hookctl_using_subcommand endpoints; and __fish_seen_subcommand_from cleanup" -l json -d 'Same as --output json'
complete -c hookctl -n "__fish_hookctl_using_subcommand endpoints; and __fish_seen_subcommand_from cleanup" -s q -l quiet -d 'Print only results and errors'
complete -c hookctl -n "__fish_hookctl_using_subcommand endpoints; and __fish_seen_subcommand_from cleanup" -s v -l verbose -d 'Trace requests on stderr (secrets redacted); repeat for more'
complete -c hookctl -n "__fish_hookctl_using_subcommand endpoints; and __fish_seen_subcommand_from cleanup" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c hookctl -n "__fish_hookctl_using_subcommand endpoints; and __fish_seen_subcommand_from cleanup" -s V -l version -d 'Print version'
complete -c hookctl -n "__fish_hookctl_using_subcommand endpoints; and __fish_seen_subcommand_from help" -f -a "list" -d 'List endpoints'
complete -c hookctl -n "__fish_hookctl_using_subcommand endpoints; and __fish_seen_subcommand_from help" -f -a "get" -d 'Show one endpoint'
complete -c hookctl -n "__fish_hookctl_using_subcommand endpoints; and __fish_seen_subcommand_from help" -f -a "create" -d 'Register an endpoint; prints its signing secret once'
complete -c hookctl -n "__fish_hookctl_using_subcommand endpoints; and __fish_seen_subcommand_from help" -f -a "update" -d 'Change an endpoint\'s URL, events, description or status'
complete -c hookctl -n "__fish_hookctl_using_subcommand endpoints; and __fish_seen_subcommand_from help" -f -a "delete" -d 'Delete an endpoint (asks on a terminal)'
complete -c hookctl -n "__fish_hookctl_using_subcommand endpoints; and __fish_seen_subcommand_from help" -f -a "pause" -d 'Stop deliveries to an endpoint'
complete -c hookctl -n "__fish_hookctl_using_subcommand endpoints; and __fish_seen_subcommand_from help" -f -a "resume" -d 'Resume deliveries to an endpoint'
complete -c hookctl -n "__fish_hookctl_using_subcommand endpoints; and __fish_seen_subcommand_from help" -f -a "cleanup" -d 'Delete temporary endpoints left behind by `listen --register` runs that were killed'
complete -c hookctl -n "__fish_hookctl_using_subcommand endpoints; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c hookctl -n "__fish_hookctl_using_subcommand subscriptions; and not __fish_seen_subcommand_from list types add remove help" -l profile -d 'Profile from the config file [env: HOOKCTL_PROFILE]' -r
complete -c hookctl -n "__fish_hookctl_using_subcommand subscriptions; and not __fish_seen_subcommand_from list types add remove help" -l provider -d 'Provider preset: partner (debitura), closient, xpath, personio [env: HOOKCTL_PROVIDER]' -r
complete -c hookctl -n "__fish_hookctl_using_subcommand subscriptions; and not __fish_seen_subcommand_from list types add remove help" -l base-url -d 'Base URL of the provider API [env: HOOKCTL_BASE_URL]' -r
complete -c hookctl -n "__fish_hookctl_using_subcommand subscriptions; and not __fish_seen_subcommand_from list types add remove help" -l token -d 'API token; prefer HOOKCTL_TOKEN, command lines end up in shell history [env: HOOKCTL_TOKEN, with --sandbox HOOKCTL_SANDBOX_TOKEN]' -r
complete -c hookctl -n "__fish_hookctl_using_subcommand subscriptions; and not __fish_seen_subcommand_from list types add remove help" -l sandbox -d 'Talk to a running `hookctl sandbox` instead of the provider (without URL: HOOKCTL_SANDBOX\'s, else http://127.0.0.1:8788): base URL <sandbox>/<provider>, its default token unless --token or HOOKCTL_SANDBOX_TOKEN; --base-url beats HOOKCTL_SANDBOX [env: HOOKCTL_SANDBOX]' -r
complete -c hookctl -n "__fish_hookctl_using_subcommand subscriptions; and not __fish_seen_subcommand_from list types add remove help" -l request-timeout -d 'How long each API request may take (30s, 2m, 500ms; a bare number is seconds) [default: 30s] [env: HOOKCTL_HTTP_TIMEOUT]' -r
complete -c hookctl -n "__fish_hookctl_using_subcommand subscriptions; and not __fish_seen_subcommand_from list types add remove help" -l output -d 'Output format' -r -f -a "human\t''
json\t''"
complete -c hookctl -n "__fish_hookctl_using_subcommand subscriptions; and not __fish_seen_subcommand_from list types add remove help" -l color -d 'When to use colours (NO_COLOR and CLICOLOR_FORCE are honoured with auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c hookctl -n "__fish_hookctl_using_subcommand subscriptions; and not __fish_seen_subcommand_from list types add remove help" -l json -d 'Same as --output json'
complete -c hookctl -n "__fish_hookctl_using_subcommand subscriptions; and not __fish_seen_subcommand_from list types add remove help" -s q -l quiet -d 'Print only results and errors'
complete -c hookctl -n "__fish_hookctl_using_subcommand subscriptions; and not __fish_seen_subcommand_from list types add remove help" -s v -l verbose -d 'Trace requests on stderr (secrets redacted); repeat for more'
complete -c hookctl -n "__fish_hookctl_using_subcommand subscriptions; and not __fish_seen_subcommand_from list types add remove help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c hookctl -n "__fish_hookctl_using_subcommand subscriptions; and not __fish_seen_subcommand_from list types add remove help" -s V -l version -d 'Print version'
complete -c hookctl -n "__fish_hookctl_using_subcommand subscriptions; and not __fish_seen_subcommand_from list types add remove help" -f -a "list" -d 'Event types each endpoint receives (or one endpoint\'s)'
complete -c hookctl -n "__fish_hookctl_using_subcommand subscriptions; and not __fish_seen_subcommand_from list types add remove help" -f -a "types" -d 'The provider\'s event catalog'
complete -c hookctl -n "__fish_hookctl_using_subcommand subscriptions; and not __fish_seen_subcommand_from list types add remove help" -f -a "add" -d 'Subscribe an endpoint to more event types'
complete -c hookctl -n "__fish_hookctl_using_subcommand subscriptions; and not __fish_seen_subcommand_from list types add remove help" -f -a "remove" -d 'Unsubscribe an endpoint from event types'
complete -c hookctl -n "__fish_hookctl_using_subcommand subscriptions; and not __fish_seen_subcommand_from list types add remove help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c hookctl -n "__fish_hookctl_using_subcommand subscriptions; and __fish_seen_subcommand_from list" -l profile -d 'Profile from the config file [env: HOOKCTL_PROFILE]' -r
complete -c hookctl -n "__fish_hookctl_using_subcommand subscriptions; and __fish_seen_subcommand_from list" -l provider -d 'Provider preset: partner (debitura), closient, xpath, personio [env: HOOKCTL_PROVIDER]' -r
complete -c hookctl -n "__fish_hookctl_using_subcommand subscriptions; and __fish_seen_subcommand_from list" -l base-url -d 'Base URL of the provider API [env: HOOKCTL_BASE_URL]' -r
complete -c hookctl -n "__fish_hookctl_using_subcommand subscriptions; and __fish_seen_subcommand_from list" -l token -d 'API token; prefer HOOKCTL_TOKEN, command lines end up in shell history [env: HOOKCTL_TOKEN, with --sandbox HOOKCTL_SANDBOX_TOKEN]' -r
complete -c hookctl -n "__fish_hookctl_using_subcommand subscriptions; and __fish_seen_subcommand_from list" -l sandbox -d 'Talk to a running `hookctl sandbox` instead of the provider (without URL: HOOKCTL_SANDBOX\'s, else http://127.0.0.1:8788): base URL <sandbox>/<provider>, its default token unless --token or HOOKCTL_SANDBOX_TOKEN; --base-url beats HOOKCTL_SANDBOX [env: HOOKCTL_SANDBOX]' -r
complete -c hookctl -n "__fish_hookctl_using_subcommand subscriptions; and __fish_seen_subcommand_from list" -l request-timeout -d 'How long each API request may take (30s, 2m, 500ms; a bare number is seconds) [default: 30s] [env: HOOKCTL_HTTP_TIMEOUT]' -r
complete -c hookctl -n "__fish_hookctl_using_subcommand subscriptions; and __fish_seen_subcommand_from list" -l output -d 'Output format' -r -f -a "human\t''
json\t''"
complete -c hookctl -n "__fish_hookctl_using_subcommand subscriptions; and __fish_seen_subcommand_from list" -l color -d 'When to use colours (NO_COLOR and CLICOLOR_FORCE are honoured with auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c hookctl -n "__fish_hookctl_using_subcommand subscriptions; and __fish_seen_subcommand_from list" -l json -d 'Same as --output json'
complete -c hookctl -n "__fish_hookctl_using_subcommand subscriptions; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Print only results and errors'
complete -c hookctl -n "__fish_hookctl_using_subcommand subscriptions; and __fish_seen_subcommand_from list" -s v -l verbose -d 'Trace requests on stderr (secrets redacted); repeat for more'
complete -c hookctl -n "__fish_hookctl_using_subcommand subscriptions; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c hookctl -n "__fish_hookctl_using_subcommand subscriptions; and __fish_seen_subcommand_from list" -s V -l version -d 'Print version'
complete -c hookctl -n "__fish_hookctl_using_subcommand subscriptions; and __fish_seen_subcommand_from types" -l profile -d 'Profile from the config file [env: HOOKCTL_PROFILE]' -r
complete -c hookctl -n "__fish_hookctl_using_subcommand subscriptions; and __fish_seen_subcommand_from types" -l provider -d 'Provider preset: partner (debitura), closient, xpath, personio [env: HOOKCTL_PROVIDER]' -r
complete -c hookctl -n "__fish_hookctl_using_subcommand subscriptions; and __fish_seen_subcommand_from types" -l base-url -d 'Base URL of the provider API [env: HOOKCTL_BASE_URL]' -r
complete -c hookctl -n "__fish_hookctl_using_subcommand subscriptions; and __fish_seen_subcommand_from types" -l token -d 'API token; prefer HOOKCTL_TOKEN, command lines end up in shell history [env: HOOKCTL_TOKEN, with --sandbox HOOKCTL_SANDBOX_TOKEN]' -r
complete -c hookctl -n "__fish_hookctl_using_subcommand subscriptions; and __fish_seen_subcommand_from types" -l sandbox -d 'Talk to a running `hookctl sandbox` instead of the provider (without URL: HOOKCTL_SANDBOX\'s, else http://127.0.0.1:8788): base URL <sandbox>/<provider>, its default token unless --token or HOOKCTL_SANDBOX_TOKEN; --base-url beats HOOKCTL_SANDBOX [env: HOOKCTL_SANDBOX]' -r
complete -c hookctl -n "__fish_hookctl_using_subcommand subscriptions; and __fish_seen_subcommand_from types" -l request-timeout -d 'How long each API request may take (30s, 2m, 500ms; a bare number is seconds) [default: 30s] [env: HOOKCTL_HTTP_TIMEOUT]' -r
complete -c hookctl -n "__fish_hookctl_using_subcommand subscriptions; and __fish_seen_subcommand_from types" -l output -d 'Output format' -r -f -a "human\t''
json\t''"
complete -c hookctl -n "__fish_hookctl_using_subcommand subscriptions; and __fish_seen_subcommand_from types" -l color -d 'When to use colours (NO_COLOR and CLICOLOR_FORCE are honoured with auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c hookctl -n "__fish_hookctl_using_subcommand subscriptions; and __fish_seen_subcommand_from types" -l json -d 'Same as --output json'
complete -c hookctl -n "__fish_hookctl_using_subcommand subscriptions; and __fish_seen_subcommand_from types" -s q -l quiet -d 'Print only results and errors'
complete -c hookctl -n "__fish_hookctl_using_subcommand subscriptions; and __fish_seen_subcommand_from types" -s v -l verbose -d 'Trace requests on stderr (secrets redacted); repeat for more'
complete -c hookctl -n "__fish_hookctl_using_subcommand subscriptions; and __fish_seen_subcommand_from types" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c hookctl -n "__fish_hookctl_using_subcommand subscriptions; and __fish_seen_subcommand_from types" -s V -l version -d 'Print version'
complete -c hookctl -n "__fish_hookctl_using_subcommand subscriptions; and __fish_seen_subcommand_from add" -l profile -d 'Profile from the config file [env: HOOKCTL_PROFILE]' -r
complete -c hookctl -n "__fish_hookctl_using_subcommand subscriptions; and __fish_seen_subcommand_from add" -l provider -d 'Provider preset: partner (debitura), closient, xpath, personio [env: HOOKCTL_PROVIDER]' -r
complete -c hookctl -n "__fish_hookctl_using_subcommand subscriptions; and __fish_seen_subcommand_from add" -l base-url -d 'Base URL of the provider API [env: HOOKCTL_BASE_URL]' -r
complete -c hookctl -n "__fish_hookctl_using_subcommand subscriptions; and __fish_seen_subcommand_from add" -l token -d 'API token; prefer HOOKCTL_TOKEN, command lines end up in shell history [env: HOOKCTL_TOKEN, with --sandbox HOOKCTL_SANDBOX_TOKEN]' -r
complete -c hookctl -n "__fish_hookctl_using_subcommand subscriptions; and __fish_seen_subcommand_from add" -l sandbox -d 'Talk to a running `hookctl sandbox` instead of the provider (without URL: HOOKCTL_SANDBOX\'s, else http://127.0.0.1:8788): base URL <sandbox>/<provider>, its default token unless --token or HOOKCTL_SANDBOX_TOKEN; --base-url beats HOOKCTL_SANDBOX [env: HOOKCTL_SANDBOX]' -r
complete -c hookctl -n "__fish_hookctl_using_subcommand subscriptions; and __fish_seen_subcommand_from add" -l request-timeout -d 'How long each API request may take (30s, 2m, 500ms; a bare number is seconds) [default: 30s] [env: HOOKCTL_HTTP_TIMEOUT]' -r
complete -c hookctl -n "__fish_hookctl_using_subcommand subscriptions; and __fish_seen_subcommand_from add" -l output -d 'Output format' -r -f -a "human\t''
json\t''"
complete -c hookctl -n "__fish_hookctl_using_subcommand subscriptions; and __fish_seen_subcommand_from add" -l color -d 'When to use colours (NO_COLOR and CLICOLOR_FORCE are honoured with auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c hookctl -n "__fish_hookctl_using_subcommand subscriptions; and __fish_seen_subcommand_from add" -l json -d 'Same as --output json'
complete -c hookctl -n "__fish_hookctl_using_subcommand subscriptions; and __fish_seen_subcommand_from add" -s q -l quiet -d 'Print only results and errors'
complete -c hookctl -n "__fish_hookctl_using_subcommand subscriptions; and __fish_seen_subcommand_from add" -s v -l verbose -d 'Trace requests on stderr (secrets redacted); repeat for more'
complete -c hookctl -n "__fish_hookctl_using_subcommand subscriptions; and __fish_seen_subcommand_from add" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c hookctl -n "__fish_hookctl_using_subcommand subscriptions; and __fish_seen_subcommand_from add" -s V -l version -d 'Print version'
complete -c hookctl -n "__fish_hookctl_using_subcommand subscriptions; and __fish_seen_subcommand_from remove" -l profile -d 'Profile from the config file [env: HOOKCTL_PROFILE]' -r
complete -c hookctl -n "__fish_hookctl_using_subcommand subscriptions; and __fish_seen_subcommand_from remove" -l provider -d 'Provider preset: partner (debitura), closient, xpath, personio [env: HOOKCTL_PROVIDER]' -r
complete -c hookctl -n "__fish_hookctl_using_subcommand subscriptions; and __fish_seen_subcommand_from remove" -l base-url -d 'Base URL of the provider API [env: HOOKCTL_BASE_URL]' -r
complete -c hookctl -n "__fish_hookctl_using_subcommand subscriptions; and __fish_seen_subcommand_from remove" -l token -d 'API token; prefer HOOKCTL_TOKEN, command lines end up in shell history [env: HOOKCTL_TOKEN, with --sandbox HOOKCTL_SANDBOX_TOKEN]' -r
complete -c hookctl -n "__fish_hookctl_using_subcommand subscriptions; and __fish_seen_subcommand_from remove" -l sandbox -d 'Talk to a running `hookctl sandbox` instead of the provider (without URL: HOOKCTL_SANDBOX\'s, else http://127.0.0.1:8788): base URL <sandbox>/<provider>, its default token unless --token or HOOKCTL_SANDBOX_TOKEN; --base-url beats HOOKCTL_SANDBOX [env: HOOKCTL_SANDBOX]' -r
complete -c hookctl -n "__fish_hookctl_using_subcommand subscriptions; and __fish_seen_subcommand_from remove" -l request-timeout -d 'How long each API request may take (30s, 2m, 500ms; a bare number is seconds) [default: 30s] [env: HOOKCTL_HTTP_TIMEOUT]' -r
complete -c hookctl -n "__fish_hookctl_using_subcommand subscriptions; and __fish_seen_subcommand_from remove" -l output -d 'Output format' -r -f -a "human\t''
json\t''"
complete -c hookctl -n "__fish_hookctl_using_subcommand subscriptions; and __fish_seen_subcommand_from remove" -l color -d 'When to use colours (NO_COLOR and CLICOLOR_FORCE are honoured with auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c hookctl -n "__fish_hookctl_using_subcommand subscriptions; and __fish_seen_subcommand_from remove" -l json -d 'Same as --output json'
complete -c hookctl -n "__fish_hookctl_using_subcommand subscriptions; and __fish_seen_subcommand_from remove" -s q -l quiet -d 'Print only results and errors'
complete -c hookctl -n "__fish_hookctl_using_subcommand subscriptions; and __fish_seen_subcommand_from remove" -s v -l verbose -d 'Trace requests on stderr (secrets redacted); repeat for more'
complete -c hookctl -n "__fish_hookctl_using_subcommand subscriptions; and __fish_seen_subcommand_from remove" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c hookctl -n "__fish_hookctl_using_subcommand subscriptions; and __fish_seen_subcommand_from remove" -s V -l version -d 'Print version'
complete -c hookctl -n "__fish_hookctl_using_subcommand subscriptions; and __fish_seen_subcommand_from help" -f -a "list" -d 'Event types each endpoint receives (or one endpoint\'s)'
complete -c hookctl -n "__fish_hookctl_using_subcommand subscriptions; and __fish_seen_subcommand_from help" -f -a "types" -d 'The provider\'s event catalog'
complete -c hookctl -n "__fish_hookctl_using_subcommand subscriptions; and __fish_seen_subcommand_from help" -f -a "add" -d 'Subscribe an endpoint to more event types'
complete -c hookctl -n "__fish_hookctl_using_subcommand subscriptions; and __fish_seen_subcommand_from help" -f -a "remove" -d 'Unsubscribe an endpoint from event types'
complete -c hookctl -n "__fish_hookctl_using_subcommand subscriptions; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c hookctl -n "__fish_hookctl_using_subcommand fire" -l case -d 'Test case id' -r
complete -c hookctl -n "__fish_hookctl_using_subcommand fire" -l subscription -d 'Fire only to this test subscription' -r
complete -c hookctl -n "__fish_hookctl_using_subcommand fire" -l timeout -d 'With --wait: how long to wait for the outcome (30s, 2m, 500ms; a bare number is seconds)' -r
complete -c hookctl -n "__fish_hookctl_using_subcommand fire" -l profile -d 'Profile from the config file [env: HOOKCTL_PROFILE]' -r
complete -c hookctl -n "__fish_hookctl_using_subcommand fire" -l provider -d 'Provider preset: partner (debitura), closient, xpath, personio [env: HOOKCTL_PROVIDER]' -r
complete -c hookctl -n "__fish_hookctl_using_subcommand fire" -l base-url -d 'Base URL of the provider API [env: HOOKCTL_BASE_URL]' -r
complete -c hookctl -n "__fish_hookctl_using_subcommand fire" -l token -d 'API token; prefer HOOKCTL_TOKEN, command lines end up in shell history [env: HOOKCTL_TOKEN, with --sandbox HOOKCTL_SANDBOX_TOKEN]' -r
complete -c hookctl -n "__fish_hookctl_using_subcommand fire" -l sandbox -d 'Talk to a running `hookctl sandbox` instead of the provider (without URL: HOOKCTL_SANDBOX\'s, else http://127.0.0.1:8788): base URL <sandbox>/<provider>, its default token unless --token or HOOKCTL_SANDBOX_TOKEN; --base-url beats HOOKCTL_SANDBOX [env: HOOKCTL_SANDBOX]' -r
complete -c hookctl -n "__fish_hookctl_using_subcommand fire" -l request-timeout -d 'How long each API request may take (30s, 2m, 500ms; a bare number is seconds) [default: 30s] [env: HOOKCTL_HTTP_TIMEOUT]' -r
complete -c hookctl -n "__fish_hookctl_using_subcommand fire" -l output -d 'Output format' -r -f -a "human\t''
json\t''"
complete -c hookctl -n "__fish_hookctl_using_subcommand fire" -l color -d 'When to use colours (NO_COLOR and CLICOLOR_FORCE are honoured with auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c hookctl -n "__fish_hookctl_using_subcommand fire" -l wait -d 'Wait until the deliveries it started are terminal (delivered or failed)'
complete -c hookctl -n "__fish_hookctl_using_subcommand fire" -l require-delivery -d 'Exit 6 when nothing was enqueued (no matching test subscription), with or without --wait'
complete -c hookctl -n "__fish_hookctl_using_subcommand fire" -l json -d 'Same as --output json'
complete -c hookctl -n "__fish_hookctl_using_subcommand fire" -s q -l quiet -d 'Print only results and errors'
complete -c hookctl -n "__fish_hookctl_using_subcommand fire" -s v -l verbose -d 'Trace requests on stderr (secrets redacted); repeat for more'
complete -c hookctl -n "__fish_hookctl_using_subcommand fire" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c hookctl -n "__fish_hookctl_using_subcommand fire" -s V -l version -d 'Print version'
complete -c hookctl -n "__fish_hookctl_using_subcommand test" -l event -d 'Event to send (personio: required, e.g. person.updated)' -r -f -a "case.assigned\t'current lifecycle'
case.updated\t'current lifecycle (oldLifecycle and newLifecycle both reflect current state)'
case.closed\t'current close code and comment'
payment.created\t'most recent payment on the case (422 if no payments exist)'
chat.created\t'most recent chat message on the case (422 if no chats exist)'
cases.*\t'every case event'
cases.created\t'a case was created'
cases.updated\t'a case was updated'
cases.closed\t'a case was closed'
cases.archived\t'a case was archived'
cases.unarchived\t'a case was unarchived'
cases.tasks.*\t'every case task event'
cases.expenses.*\t'every case expense event'
assignments.*\t'every assignment event'
assignments.created\t'an assignment was created'
assignments.updated\t'an assignment was updated'
assignments.status.updated\t'an assignment\'s status changed'
assignments.archived\t'an assignment was archived'
assignments.unarchived\t'an assignment was unarchived'
assignments.extensions.created\t'an assignment extension was created'
assignments.contacts.*\t'every assignment contact event'
assignments.billing-details.*\t'every assignment billing-details event'
person.created\t'needs payload_data person.id'
person.updated\t'needs payload_data person.id'
person.deleted\t'needs payload_data person.id'
employment.created\t'an employment was added'
employment.updated\t'an employment changed'
employment.deleted\t'an employment was removed'
employment.started\t'an employment starts today'
employment.terminated\t'an employment ends today'
absence-period.created\t'an absence period was created'
absence-period.updated.timerange\t'an absence period\'s time range changed'
absence-period.updated.status\t'an absence period\'s status changed'
absence-period.deleted\t'an absence period was deleted'
attendance-period.created\t'an attendance period was created'
attendance-period.updated\t'an attendance period was changed'
attendance-period.deleted\t'an attendance period was deleted'
document.created\t'needs payload_data document.id and document.owner.id'
document.updated\t'needs payload_data document.id and document.owner.id'
document.signed\t'needs payload_data document.id and document.owner.id'
document.deleted\t'needs payload_data document.id and document.owner.id'"
complete -c hookctl -n "__fish_hookctl_using_subcommand test" -l field -d 'Payload field as key=value in dot notation (personio payload_data); repeatable' -r
complete -c hookctl -n "__fish_hookctl_using_subcommand test" -l data -d 'The old name of --field (before --data meant a body everywhere); warns when used' -r
complete -c hookctl -n "__fish_hookctl_using_subcommand test" -l timeout -d 'With --wait: how long to wait for the outcome (30s, 2m, 500ms; a bare number is seconds)' -r
complete -c hookctl -n "__fish_hookctl_using_subcommand test" -l profile -d 'Profile from the config file [env: HOOKCTL_PROFILE]' -r
complete -c hookctl -n "__fish_hookctl_using_subcommand test" -l provider -d 'Provider preset: partner (debitura), closient, xpath, personio [env: HOOKCTL_PROVIDER]' -r
complete -c hookctl -n "__fish_hookctl_using_subcommand test" -l base-url -d 'Base URL of the provider API [env: HOOKCTL_BASE_URL]' -r
complete -c hookctl -n "__fish_hookctl_using_subcommand test" -l token -d 'API token; prefer HOOKCTL_TOKEN, command lines end up in shell history [env: HOOKCTL_TOKEN, with --sandbox HOOKCTL_SANDBOX_TOKEN]' -r
complete -c hookctl -n "__fish_hookctl_using_subcommand test" -l sandbox -d 'Talk to a running `hookctl sandbox` instead of the provider (without URL: HOOKCTL_SANDBOX\'s, else http://127.0.0.1:8788): base URL <sandbox>/<provider>, its default token unless --token or HOOKCTL_SANDBOX_TOKEN; --base-url beats HOOKCTL_SANDBOX [env: HOOKCTL_SANDBOX]' -r
complete -c hookctl -n "__fish_hookctl_using_subcommand test" -l request-timeout -d 'How long each API request may take (30s, 2m, 500ms; a bare number is seconds) [default: 30s] [env: HOOKCTL_HTTP_TIMEOUT]' -r
complete -c hookctl -n "__fish_hookctl_using_subcommand test" -l output -d 'Output format' -r -f -a "human\t''
json\t''"
complete -c hookctl -n "__fish_hookctl_using_subcommand test" -l color -d 'When to use colours (NO_COLOR and CLICOLOR_FORCE are honoured with auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c hookctl -n "__fish_hookctl_using_subcommand test" -l wait -d 'Wait until the deliveries it started are terminal (delivered or failed)'
complete -c hookctl -n "__fish_hookctl_using_subcommand test" -l json -d 'Same as --output json'
complete -c hookctl -n "__fish_hookctl_using_subcommand test" -s q -l quiet -d 'Print only results and errors'
complete -c hookctl -n "__fish_hookctl_using_subcommand test" -s v -l verbose -d 'Trace requests on stderr (secrets redacted); repeat for more'
complete -c hookctl -n "__fish_hookctl_using_subcommand test" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c hookctl -n "__fish_hookctl_using_subcommand test" -s V -l version -d 'Print version'
complete -c hookctl -n "__fish_hookctl_using_subcommand replay" -l timeout -d 'With --wait: how long to wait for the outcome (30s, 2m, 500ms; a bare number is seconds) [default: 30s]' -r
complete -c hookctl -n "__fish_hookctl_using_subcommand replay" -l from -d 'Re-send requests captured by `listen --capture` from this file' -r -F
complete -c hookctl -n "__fish_hookctl_using_subcommand replay" -l to -d 'Target URL for a local replay' -r
complete -c hookctl -n "__fish_hookctl_using_subcommand replay" -l id -d 'Replay the record with this id' -r
complete -c hookctl -n "__fish_hookctl_using_subcommand replay" -l last -d 'Replay the last N records' -r
complete -c hookctl -n "__fish_hookctl_using_subcommand replay" -l match -d 'Only records whose content matches: PATH=VALUE, PATH!=VALUE, PATH~REGEX or PATH (a dot path into the JSON body, or header.NAME); repeatable, all must hold; alone, replays every matching record' -r
complete -c hookctl -n "__fish_hookctl_using_subcommand replay" -l secret -d 'Secret for --resign [env: HOOKCTL_SECRET]' -r
complete -c hookctl -n "__fish_hookctl_using_subcommand replay" -l scheme -d 'Scheme for --resign (default: the one recorded in the capture)' -r -f -a "auto\t'Detect from the headers present'
standard\t'Standard Webhooks (webhook-id / webhook-timestamp / webhook-signature)'
svix\t'Svix (svix-id / svix-timestamp / svix-signature)'
stripe\t'Stripe (Stripe-Signature: t=…,v1=…)'
github\t'GitHub (X-Hub-Signature-256)'
shopify\t'Shopify (X-Shopify-Hmac-Sha256)'
slack\t'Slack (X-Slack-Signature / X-Slack-Request-Timestamp)'"
complete -c hookctl -n "__fish_hookctl_using_subcommand replay" -l profile -d 'Profile from the config file [env: HOOKCTL_PROFILE]' -r
complete -c hookctl -n "__fish_hookctl_using_subcommand replay" -l provider -d 'Provider preset: partner (debitura), closient, xpath, personio [env: HOOKCTL_PROVIDER]' -r
complete -c hookctl -n "__fish_hookctl_using_subcommand replay" -l base-url -d 'Base URL of the provider API [env: HOOKCTL_BASE_URL]' -r
complete -c hookctl -n "__fish_hookctl_using_subcommand replay" -l token -d 'API token; prefer HOOKCTL_TOKEN, command lines end up in shell history [env: HOOKCTL_TOKEN, with --sandbox HOOKCTL_SANDBOX_TOKEN]' -r
complete -c hookctl -n "__fish_hookctl_using_subcommand replay" -l sandbox -d 'Talk to a running `hookctl sandbox` instead of the provider (without URL: HOOKCTL_SANDBOX\'s, else http://127.0.0.1:8788): base URL <sandbox>/<provider>, its default token unless --token or HOOKCTL_SANDBOX_TOKEN; --base-url beats HOOKCTL_SANDBOX [env: HOOKCTL_SANDBOX]' -r
complete -c hookctl -n "__fish_hookctl_using_subcommand replay" -l request-timeout -d 'How long each API request may take (30s, 2m, 500ms; a bare number is seconds) [default: 30s] [env: HOOKCTL_HTTP_TIMEOUT]' -r
complete -c hookctl -n "__fish_hookctl_using_subcommand replay" -l output -d 'Output format' -r -f -a "human\t''
json\t''"
complete -c hookctl -n "__fish_hookctl_using_subcommand replay" -l color -d 'When to use colours (NO_COLOR and CLICOLOR_FORCE are honoured with auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c hookctl -n "__fish_hookctl_using_subcommand replay" -l wait -d 'Wait until the replayed delivery is terminal'
complete -c hookctl -n "__fish_hookctl_using_subcommand replay" -l all -d 'Replay every record'
complete -c hookctl -n "__fish_hookctl_using_subcommand replay" -l resign -d 'Re-sign with a fresh id and timestamp (old timestamps fail the 5-minute tolerance)'
complete -c hookctl -n "__fish_hookctl_using_subcommand replay" -l json -d 'Same as --output json'
complete -c hookctl -n "__fish_hookctl_using_subcommand replay" -s q -l quiet -d 'Print only results and errors'
complete -c hookctl -n "__fish_hookctl_using_subcommand replay" -s v -l verbose -d 'Trace requests on stderr (secrets redacted); repeat for more'
complete -c hookctl -n "__fish_hookctl_using_subcommand replay" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c hookctl -n "__fish_hookctl_using_subcommand replay" -s V -l version -d 'Print version'
complete -c hookctl -n "__fish_hookctl_using_subcommand events; and not __fish_seen_subcommand_from list get wait help" -l profile -d 'Profile from the config file [env: HOOKCTL_PROFILE]' -r
complete -c hookctl -n "__fish_hookctl_using_subcommand events; and not __fish_seen_subcommand_from list get wait help" -l provider -d 'Provider preset: partner (debitura), closient, xpath, personio [env: HOOKCTL_PROVIDER]' -r
complete -c hookctl -n "__fish_hookctl_using_subcommand events; and not __fish_seen_subcommand_from list get wait help" -l base-url -d 'Base URL of the provider API [env: HOOKCTL_BASE_URL]' -r
complete -c hookctl -n "__fish_hookctl_using_subcommand events; and not __fish_seen_subcommand_from list get wait help" -l token -d 'API token; prefer HOOKCTL_TOKEN, command lines end up in shell history [env: HOOKCTL_TOKEN, with --sandbox HOOKCTL_SANDBOX_TOKEN]' -r
complete -c hookctl -n "__fish_hookctl_using_subcommand events; and not __fish_seen_subcommand_from list get wait help" -l sandbox -d 'Talk to a running `hookctl sandbox` instead of the provider (without URL: HOOKCTL_SANDBOX\'s, else http://127.0.0.1:8788): base URL <sandbox>/<provider>, its default token unless --token or HOOKCTL_SANDBOX_TOKEN; --base-url beats HOOKCTL_SANDBOX [env: HOOKCTL_SANDBOX]' -r
complete -c hookctl -n "__fish_hookctl_using_subcommand events; and not __fish_seen_subcommand_from list get wait help" -l request-timeout -d 'How long each API request may take (30s, 2m, 500ms; a bare number is seconds) [default: 30s] [env: HOOKCTL_HTTP_TIMEOUT]' -r
complete -c hookctl -n "__fish_hookctl_using_subcommand events; and not __fish_seen_subcommand_from list get wait help" -l output -d 'Output format' -r -f -a "human\t''
json\t''"
complete -c hookctl -n "__fish_hookctl_using_subcommand events; and not __fish_seen_subcommand_from list get wait help" -l color -d 'When to use colours (NO_COLOR and CLICOLOR_FORCE are honoured with auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c hookctl -n "__fish_hookctl_using_subcommand events; and not __fish_seen_subcommand_from list get wait help" -l json -d 'Same as --output json'
complete -c hookctl -n "__fish_hookctl_using_subcommand events; and not __fish_seen_subcommand_from list get wait help" -s q -l quiet -d 'Print only results and errors'
complete -c hookctl -n "__fish_hookctl_using_subcommand events; and not __fish_seen_subcommand_from list get wait help" -s v -l verbose -d 'Trace requests on stderr (secrets redacted); repeat for more'
complete -c hookctl -n "__fish_hookctl_using_subcommand events; and not __fish_seen_subcommand_from list get wait help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c hookctl -n "__fish_hookctl_using_subcommand events; and not __fish_seen_subcommand_from list get wait help" -s V -l version -d 'Print version'
complete -c hookctl -n "__fish_hookctl_using_subcommand events; and not __fish_seen_subcommand_from list get wait help" -f -a "list" -d 'List rows of the event log'
complete -c hookctl -n "__fish_hookctl_using_subcommand events; and not __fish_seen_subcommand_from list get wait help" -f -a "get" -d 'Show one row'
complete -c hookctl -n "__fish_hookctl_using_subcommand events; and not __fish_seen_subcommand_from list get wait help" -f -a "wait" -d 'Wait until N new matching rows appear and are terminal'
complete -c hookctl -n "__fish_hookctl_using_subcommand events; and not __fish_seen_subcommand_from list get wait help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c hookctl -n "__fish_hookctl_using_subcommand events; and __fish_seen_subcommand_from list" -l case -d 'Case id (partner: required)' -r
complete -c hookctl -n "__fish_hookctl_using_subcommand events; and __fish_seen_subcommand_from list" -l type -d 'Event type' -r
complete -c hookctl -n "__fish_hookctl_using_subcommand events; and __fish_seen_subcommand_from list" -l endpoint -d 'Endpoint id (closient deliveries)' -r
complete -c hookctl -n "__fish_hookctl_using_subcommand events; and __fish_seen_subcommand_from list" -l since -d 'Only rows created at or after this time (ISO-8601)' -r
complete -c hookctl -n "__fish_hookctl_using_subcommand events; and __fish_seen_subcommand_from list" -l profile -d 'Profile from the config file [env: HOOKCTL_PROFILE]' -r
complete -c hookctl -n "__fish_hookctl_using_subcommand events; and __fish_seen_subcommand_from list" -l provider -d 'Provider preset: partner (debitura), closient, xpath, personio [env: HOOKCTL_PROVIDER]' -r
complete -c hookctl -n "__fish_hookctl_using_subcommand events; and __fish_seen_subcommand_from list" -l base-url -d 'Base URL of the provider API [env: HOOKCTL_BASE_URL]' -r
complete -c hookctl -n "__fish_hookctl_using_subcommand events; and __fish_seen_subcommand_from list" -l token -d 'API token; prefer HOOKCTL_TOKEN, command lines end up in shell history [env: HOOKCTL_TOKEN, with --sandbox HOOKCTL_SANDBOX_TOKEN]' -r
complete -c hookctl -n "__fish_hookctl_using_subcommand events; and __fish_seen_subcommand_from list" -l sandbox -d 'Talk to a running `hookctl sandbox` instead of the provider (without URL: HOOKCTL_SANDBOX\'s, else http://127.0.0.1:8788): base URL <sandbox>/<provider>, its default token unless --token or HOOKCTL_SANDBOX_TOKEN; --base-url beats HOOKCTL_SANDBOX [env: HOOKCTL_SANDBOX]' -r
complete -c hookctl -n "__fish_hookctl_using_subcommand events; and __fish_seen_subcommand_from list" -l request-timeout -d 'How long each API request may take (30s, 2m, 500ms; a bare number is seconds) [default: 30s] [env: HOOKCTL_HTTP_TIMEOUT]' -r
complete -c hookctl -n "__fish_hookctl_using_subcommand events; and __fish_seen_subcommand_from list" -l output -d 'Output format' -r -f -a "human\t''
json\t''"
complete -c hookctl -n "__fish_hookctl_using_subcommand events; and __fish_seen_subcommand_from list" -l color -d 'When to use colours (NO_COLOR and CLICOLOR_FORCE are honoured with auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c hookctl -n "__fish_hookctl_using_subcommand events; and __fish_seen_subcommand_from list" -l json -d 'Same as --output json'
complete -c hookctl -n "__fish_hookctl_using_subcommand events; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Print only results and errors'
complete -c hookctl -n "__fish_hookctl_using_subcommand events; and __fish_seen_subcommand_from list" -s v -l verbose -d 'Trace requests on stderr (secrets redacted); repeat for more'
complete -c hookctl -n "__fish_hookctl_using_subcommand events; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c hookctl -n "__fish_hookctl_using_subcommand events; and __fish_seen_subcommand_from list" -s V -l version -d 'Print version'
complete -c hookctl -n "__fish_hookctl_using_subcommand events; and __fish_seen_subcommand_from get" -l profile -d 'Profile from the config file [env: HOOKCTL_PROFILE]' -r
complete -c hookctl -n "__fish_hookctl_using_subcommand events; and __fish_seen_subcommand_from get" -l provider -d 'Provider preset: partner (debitura), closient, xpath, personio [env: HOOKCTL_PROVIDER]' -r
complete -c hookctl -n "__fish_hookctl_using_subcommand events; and __fish_seen_subcommand_from get" -l base-url -d 'Base URL of the provider API [env: HOOKCTL_BASE_URL]' -r
complete -c hookctl -n "__fish_hookctl_using_subcommand events; and __fish_seen_subcommand_from get" -l token -d 'API token; prefer HOOKCTL_TOKEN, command lines end up in shell history [env: HOOKCTL_TOKEN, with --sandbox HOOKCTL_SANDBOX_TOKEN]' -r
complete -c hookctl -n "__fish_hookctl_using_subcommand events; and __fish_seen_subcommand_from get" -l sandbox -d 'Talk to a running `hookctl sandbox` instead of the provider (without URL: HOOKCTL_SANDBOX\'s, else http://127.0.0.1:8788): base URL <sandbox>/<provider>, its default token unless --token or HOOKCTL_SANDBOX_TOKEN; --base-url beats HOOKCTL_SANDBOX [env: HOOKCTL_SANDBOX]' -r
complete -c hookctl -n "__fish_hookctl_using_subcommand events; and __fish_seen_subcommand_from get" -l request-timeout -d 'How long each API request may take (30s, 2m, 500ms; a bare number is seconds) [default: 30s] [env: HOOKCTL_HTTP_TIMEOUT]' -r
complete -c hookctl -n "__fish_hookctl_using_subcommand events; and __fish_seen_subcommand_from get" -l output -d 'Output format' -r -f -a "human\t''
json\t''"
complete -c hookctl -n "__fish_hookctl_using_subcommand events; and __fish_seen_subcommand_from get" -l color -d 'When to use colours (NO_COLOR and CLICOLOR_FORCE are honoured with auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c hookctl -n "__fish_hookctl_using_subcommand events; and __fish_seen_subcommand_from get" -l json -d 'Same as --output json'
complete -c hookctl -n "__fish_hookctl_using_subcommand events; and __fish_seen_subcommand_from get" -s q -l quiet -d 'Print only results and errors'
complete -c hookctl -n "__fish_hookctl_using_subcommand events; and __fish_seen_subcommand_from get" -s v -l verbose -d 'Trace requests on stderr (secrets redacted); repeat for more'
complete -c hookctl -n "__fish_hookctl_using_subcommand events; and __fish_seen_subcommand_from get" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c hookctl -n "__fish_hookctl_using_subcommand events; and __fish_seen_subcommand_from get" -s V -l version -d 'Print version'
complete -c hookctl -n "__fish_hookctl_using_subcommand events; and __fish_seen_subcommand_from wait" -l case -d 'Case id (partner: required)' -r
complete -c hookctl -n "__fish_hookctl_using_subcommand events; and __fish_seen_subcommand_from wait" -l type -d 'Event type' -r
complete -c hookctl -n "__fish_hookctl_using_subcommand events; and __fish_seen_subcommand_from wait" -l endpoint -d 'Endpoint id (closient deliveries)' -r
complete -c hookctl -n "__fish_hookctl_using_subcommand events; and __fish_seen_subcommand_from wait" -l since -d 'Only rows created at or after this time (ISO-8601)' -r
complete -c hookctl -n "__fish_hookctl_using_subcommand events; and __fish_seen_subcommand_from wait" -l count -d 'How many new rows to wait for' -r
complete -c hookctl -n "__fish_hookctl_using_subcommand events; and __fish_seen_subcommand_from wait" -l timeout -d 'How long to wait for the outcome (30s, 2m, 500ms; a bare number is seconds)' -r
complete -c hookctl -n "__fish_hookctl_using_subcommand events; and __fish_seen_subcommand_from wait" -l match -d 'Only rows whose content matches: PATH=VALUE, PATH!=VALUE, PATH~REGEX or PATH (a dot path into the row\'s JSON); repeatable, all must hold' -r
complete -c hookctl -n "__fish_hookctl_using_subcommand events; and __fish_seen_subcommand_from wait" -l profile -d 'Profile from the config file [env: HOOKCTL_PROFILE]' -r
complete -c hookctl -n "__fish_hookctl_using_subcommand events; and __fish_seen_subcommand_from wait" -l provider -d 'Provider preset: partner (debitura), closient, xpath, personio [env: HOOKCTL_PROVIDER]' -r
complete -c hookctl -n "__fish_hookctl_using_subcommand events; and __fish_seen_subcommand_from wait" -l base-url -d 'Base URL of the provider API [env: HOOKCTL_BASE_URL]' -r
complete -c hookctl -n "__fish_hookctl_using_subcommand events; and __fish_seen_subcommand_from wait" -l token -d 'API token; prefer HOOKCTL_TOKEN, command lines end up in shell history [env: HOOKCTL_TOKEN, with --sandbox HOOKCTL_SANDBOX_TOKEN]' -r
complete -c hookctl -n "__fish_hookctl_using_subcommand events; and __fish_seen_subcommand_from wait" -l sandbox -d 'Talk to a running `hookctl sandbox` instead of the provider (without URL: HOOKCTL_SANDBOX\'s, else http://127.0.0.1:8788): base URL <sandbox>/<provider>, its default token unless --token or HOOKCTL_SANDBOX_TOKEN; --base-url beats HOOKCTL_SANDBOX [env: HOOKCTL_SANDBOX]' -r
complete -c hookctl -n "__fish_hookctl_using_subcommand events; and __fish_seen_subcommand_from wait" -l request-timeout -d 'How long each API request may take (30s, 2m, 500ms; a bare number is seconds) [default: 30s] [env: HOOKCTL_HTTP_TIMEOUT]' -r
complete -c hookctl -n "__fish_hookctl_using_subcommand events; and __fish_seen_subcommand_from wait" -l output -d 'Output format' -r -f -a "human\t''
json\t''"
complete -c hookctl -n "__fish_hookctl_using_subcommand events; and __fish_seen_subcommand_from wait" -l color -d 'When to use colours (NO_COLOR and CLICOLOR_FORCE are honoured with auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c hookctl -n "__fish_hookctl_using_subcommand events; and __fish_seen_subcommand_from wait" -l json -d 'Same as --output json'
complete -c hookctl -n "__fish_hookctl_using_subcommand events; and __fish_seen_subcommand_from wait" -s q -l quiet -d 'Print only results and errors'
complete -c hookctl -n "__fish_hookctl_using_subcommand events; and __fish_seen_subcommand_from wait" -s v -l verbose -d 'Trace requests on stderr (secrets redacted); repeat for more'
complete -c hookctl -n "__fish_hookctl_using_subcommand events; and __fish_seen_subcommand_from wait" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c hookctl -n "__fish_hookctl_using_subcommand events; and __fish_seen_subcommand_from wait" -s V -l version -d 'Print version'
complete -c hookctl -n "__fish_hookctl_using_subcommand events; and __fish_seen_subcommand_from help" -f -a "list" -d 'List rows of the event log'
complete -c hookctl -n "__fish_hookctl_using_subcommand events; and __fish_seen_subcommand_from help" -f -a "get" -d 'Show one row'
complete -c hookctl -n "__fish_hookctl_using_subcommand events; and __fish_seen_subcommand_from help" -f -a "wait" -d 'Wait until N new matching rows appear and are terminal'
complete -c hookctl -n "__fish_hookctl_using_subcommand events; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c hookctl -n "__fish_hookctl_using_subcommand listen" -l host -d 'Address to bind' -r
complete -c hookctl -n "__fish_hookctl_using_subcommand listen" -s p -l port -d 'Port to bind; 0 picks a free one' -r
complete -c hookctl -n "__fish_hookctl_using_subcommand listen" -l path -d 'Only accept requests under this path prefix (default: any path)' -r
complete -c hookctl -n "__fish_hookctl_using_subcommand listen" -l secret -d 'Signing secret; repeat for rotation [env: HOOKCTL_SECRET]' -r
complete -c hookctl -n "__fish_hookctl_using_subcommand listen" -l scheme -d 'Signature scheme' -r -f -a "auto\t'Detect from the headers present'
standard\t'Standard Webhooks (webhook-id / webhook-timestamp / webhook-signature)'
svix\t'Svix (svix-id / svix-timestamp / svix-signature)'
stripe\t'Stripe (Stripe-Signature: t=…,v1=…)'
github\t'GitHub (X-Hub-Signature-256)'
shopify\t'Shopify (X-Shopify-Hmac-Sha256)'
slack\t'Slack (X-Slack-Signature / X-Slack-Request-Timestamp)'"
complete -c hookctl -n "__fish_hookctl_using_subcommand listen" -l forward-to -d 'Pass each valid request on to this URL (+ the path below --path and the query) and answer with its response; target down → 502, too slow → 504' -r
complete -c hookctl -n "__fish_hookctl_using_subcommand listen" -l forward-timeout -d 'How long a forward target may take to answer (30s, 2m, 500ms; a bare number is seconds)' -r
complete -c hookctl -n "__fish_hookctl_using_subcommand listen" -l route -d 'Route by event type: \'PATTERN=URL\' (e.g. \'cases.*=http://…\', \'*=http://…\'); repeatable' -r
complete -c hookctl -n "__fish_hookctl_using_subcommand listen" -l capture -d 'Append one JSON line per request to this file' -r -F
complete -c hookctl -n "__fish_hookctl_using_subcommand listen" -l expect -d 'Exit 0 after N valid deliveries' -r
complete -c hookctl -n "__fish_hookctl_using_subcommand listen" -l type -l filter -d 'Only count deliveries of this event type toward --expect (\'*\' wildcards allowed); the same name as `events --type` (--filter is its old spelling)' -r
complete -c hookctl -n "__fish_hookctl_using_subcommand listen" -l match -d 'Only count deliveries whose content matches toward --expect: PATH=VALUE, PATH!=VALUE, PATH~REGEX or PATH (a dot path into the JSON body, or header.NAME); repeatable, all must hold' -r
complete -c hookctl -n "__fish_hookctl_using_subcommand listen" -l timeout -d 'How long to wait for the outcome: with --expect exit 6 after it (default 60s there), without it stop and exit 0 (30s, 2m, 500ms; a bare number is seconds)' -r
complete -c hookctl -n "__fish_hookctl_using_subcommand listen" -l max-body -d 'Largest accepted body (larger: 413): bytes, or with a unit (512KiB, 10MB, 1MiB)' -r
complete -c hookctl -n "__fish_hookctl_using_subcommand listen" -l header-timeout -d 'Time a client has to send request headers; also closes idle keep-alive connections (30s, 2m, 500ms; a bare number is seconds)' -r
complete -c hookctl -n "__fish_hookctl_using_subcommand listen" -l body-timeout -d 'Time a client has to send the request body (slower: 408) (30s, 2m, 500ms; a bare number is seconds)' -r
complete -c hookctl -n "__fish_hookctl_using_subcommand listen" -l ui-port -d 'Port of the inspector (with --ui); 0 picks any free port' -r
complete -c hookctl -n "__fish_hookctl_using_subcommand listen" -l tunnel -d 'Expose the listener through a bore server (bore:HOST[:PORT]; PORT = the public port to ask for, any by default); prints the public URL and reconnects when the tunnel drops' -r
complete -c hookctl -n "__fish_hookctl_using_subcommand listen" -l tunnel-secret -d 'Secret of the bore server (bore server --secret) [env: HOOKCTL_TUNNEL_SECRET]' -r
complete -c hookctl -n "__fish_hookctl_using_subcommand listen" -l public-url -d 'The listener\'s public address through your own tunnel or proxy (used by --register)' -r
complete -c hookctl -n "__fish_hookctl_using_subcommand listen" -l event -d 'Event type the temporary endpoint subscribes to; repeatable (default: all the provider\'s)' -r -f -a "case.assigned\t'current lifecycle'
case.updated\t'current lifecycle (oldLifecycle and newLifecycle both reflect current state)'
case.closed\t'current close code and comment'
payment.created\t'most recent payment on the case (422 if no payments exist)'
chat.created\t'most recent chat message on the case (422 if no chats exist)'
cases.*\t'every case event'
cases.created\t'a case was created'
cases.updated\t'a case was updated'
cases.closed\t'a case was closed'
cases.archived\t'a case was archived'
cases.unarchived\t'a case was unarchived'
cases.tasks.*\t'every case task event'
cases.expenses.*\t'every case expense event'
assignments.*\t'every assignment event'
assignments.created\t'an assignment was created'
assignments.updated\t'an assignment was updated'
assignments.status.updated\t'an assignment\'s status changed'
assignments.archived\t'an assignment was archived'
assignments.unarchived\t'an assignment was unarchived'
assignments.extensions.created\t'an assignment extension was created'
assignments.contacts.*\t'every assignment contact event'
assignments.billing-details.*\t'every assignment billing-details event'
person.created\t'needs payload_data person.id'
person.updated\t'needs payload_data person.id'
person.deleted\t'needs payload_data person.id'
employment.created\t'an employment was added'
employment.updated\t'an employment changed'
employment.deleted\t'an employment was removed'
employment.started\t'an employment starts today'
employment.terminated\t'an employment ends today'
absence-period.created\t'an absence period was created'
absence-period.updated.timerange\t'an absence period\'s time range changed'
absence-period.updated.status\t'an absence period\'s status changed'
absence-period.deleted\t'an absence period was deleted'
attendance-period.created\t'an attendance period was created'
attendance-period.updated\t'an attendance period was changed'
attendance-period.deleted\t'an attendance period was deleted'
document.created\t'needs payload_data document.id and document.owner.id'
document.updated\t'needs payload_data document.id and document.owner.id'
document.signed\t'needs payload_data document.id and document.owner.id'
document.deleted\t'needs payload_data document.id and document.owner.id'"
complete -c hookctl -n "__fish_hookctl_using_subcommand listen" -l profile -d 'Profile from the config file [env: HOOKCTL_PROFILE]' -r
complete -c hookctl -n "__fish_hookctl_using_subcommand listen" -l provider -d 'Provider preset: partner (debitura), closient, xpath, personio [env: HOOKCTL_PROVIDER]' -r
complete -c hookctl -n "__fish_hookctl_using_subcommand listen" -l base-url -d 'Base URL of the provider API [env: HOOKCTL_BASE_URL]' -r
complete -c hookctl -n "__fish_hookctl_using_subcommand listen" -l token -d 'API token; prefer HOOKCTL_TOKEN, command lines end up in shell history [env: HOOKCTL_TOKEN, with --sandbox HOOKCTL_SANDBOX_TOKEN]' -r
complete -c hookctl -n "__fish_hookctl_using_subcommand listen" -l sandbox -d 'Talk to a running `hookctl sandbox` instead of the provider (without URL: HOOKCTL_SANDBOX\'s, else http://127.0.0.1:8788): base URL <sandbox>/<provider>, its default token unless --token or HOOKCTL_SANDBOX_TOKEN; --base-url beats HOOKCTL_SANDBOX [env: HOOKCTL_SANDBOX]' -r
complete -c hookctl -n "__fish_hookctl_using_subcommand listen" -l request-timeout -d 'How long each API request may take (30s, 2m, 500ms; a bare number is seconds) [default: 30s] [env: HOOKCTL_HTTP_TIMEOUT]' -r
complete -c hookctl -n "__fish_hookctl_using_subcommand listen" -l output -d 'Output format' -r -f -a "human\t''
json\t''"
complete -c hookctl -n "__fish_hookctl_using_subcommand listen" -l color -d 'When to use colours (NO_COLOR and CLICOLOR_FORCE are honoured with auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c hookctl -n "__fish_hookctl_using_subcommand listen" -l allow-invalid -d 'Do not fail --expect when an invalid signature arrives'
complete -c hookctl -n "__fish_hookctl_using_subcommand listen" -l no-display -d 'Do not print requests (capture and forward still work)'
complete -c hookctl -n "__fish_hookctl_using_subcommand listen" -l ui -d 'Serve a web inspector of received requests on 127.0.0.1 (port 4040-4049, the first free)'
complete -c hookctl -n "__fish_hookctl_using_subcommand listen" -l open -d 'Open the inspector in the default browser (with --ui, when there is a display)'
complete -c hookctl -n "__fish_hookctl_using_subcommand listen" -l register -d 'Register a temporary endpoint at the provider for this run (verifying with the secret it returns) and delete it on exit'
complete -c hookctl -n "__fish_hookctl_using_subcommand listen" -l allow-unverified -d 'Allow a public listener (--tunnel, --public-url, a non-loopback --host) without a signing secret (anyone who finds the URL reaches your app)'
complete -c hookctl -n "__fish_hookctl_using_subcommand listen" -l json -d 'Same as --output json'
complete -c hookctl -n "__fish_hookctl_using_subcommand listen" -s q -l quiet -d 'Print only results and errors'
complete -c hookctl -n "__fish_hookctl_using_subcommand listen" -s v -l verbose -d 'Trace requests on stderr (secrets redacted); repeat for more'
complete -c hookctl -n "__fish_hookctl_using_subcommand listen" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c hookctl -n "__fish_hookctl_using_subcommand listen" -s V -l version -d 'Print version'
complete -c hookctl -n "__fish_hookctl_using_subcommand verify" -l scheme -d 'Signature scheme' -r -f -a "auto\t'Detect from the headers present'
standard\t'Standard Webhooks (webhook-id / webhook-timestamp / webhook-signature)'
svix\t'Svix (svix-id / svix-timestamp / svix-signature)'
stripe\t'Stripe (Stripe-Signature: t=…,v1=…)'
github\t'GitHub (X-Hub-Signature-256)'
shopify\t'Shopify (X-Shopify-Hmac-Sha256)'
slack\t'Slack (X-Slack-Signature / X-Slack-Request-Timestamp)'"
complete -c hookctl -n "__fish_hookctl_using_subcommand verify" -l secret -d 'Signing secret; repeat for rotation (any match is valid) [env: HOOKCTL_SECRET]' -r
complete -c hookctl -n "__fish_hookctl_using_subcommand verify" -s H -l header -d 'A request header as \'Name: value\'; repeat for each' -r
complete -c hookctl -n "__fish_hookctl_using_subcommand verify" -l data -d 'The raw body: the text itself, @FILE to read a file, or - for stdin' -r
complete -c hookctl -n "__fish_hookctl_using_subcommand verify" -l body-file -d 'File with the raw body, or - for stdin (same as --data @FILE)' -r -F
complete -c hookctl -n "__fish_hookctl_using_subcommand verify" -l at -d 'Pretend the current time is this Unix timestamp' -r
complete -c hookctl -n "__fish_hookctl_using_subcommand verify" -l tolerance -d 'Allowed clock difference, both ways (30s, 2m, 500ms; a bare number is seconds)' -r
complete -c hookctl -n "__fish_hookctl_using_subcommand verify" -l profile -d 'Profile from the config file [env: HOOKCTL_PROFILE]' -r
complete -c hookctl -n "__fish_hookctl_using_subcommand verify" -l output -d 'Output format' -r -f -a "human\t''
json\t''"
complete -c hookctl -n "__fish_hookctl_using_subcommand verify" -l color -d 'When to use colours (NO_COLOR and CLICOLOR_FORCE are honoured with auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c hookctl -n "__fish_hookctl_using_subcommand verify" -l json -d 'Same as --output json'
complete -c hookctl -n "__fish_hookctl_using_subcommand verify" -s q -l quiet -d 'Print only results and errors'
complete -c hookctl -n "__fish_hookctl_using_subcommand verify" -s v -l verbose -d 'Trace requests on stderr (secrets redacted); repeat for more'
complete -c hookctl -n "__fish_hookctl_using_subcommand verify" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c hookctl -n "__fish_hookctl_using_subcommand verify" -s V -l version -d 'Print version'
complete -c hookctl -n "__fish_hookctl_using_subcommand sign" -l scheme -d 'Signature scheme' -r -f -a "standard\t'Standard Webhooks (webhook-id / webhook-timestamp / webhook-signature)'
svix\t'Svix (svix-id / svix-timestamp / svix-signature)'
stripe\t'Stripe (Stripe-Signature: t=…,v1=…)'
github\t'GitHub (X-Hub-Signature-256)'
shopify\t'Shopify (X-Shopify-Hmac-Sha256)'
slack\t'Slack (X-Slack-Signature / X-Slack-Request-Timestamp)'"
complete -c hookctl -n "__fish_hookctl_using_subcommand sign" -l secret -d 'Signing secret (whsec_… or whsk_… for ed25519) [env: HOOKCTL_SECRET]' -r
complete -c hookctl -n "__fish_hookctl_using_subcommand sign" -l data -d 'The raw body: the text itself, @FILE to read a file, or - for stdin' -r
complete -c hookctl -n "__fish_hookctl_using_subcommand sign" -l body-file -d 'File with the raw body, or - for stdin (same as --data @FILE)' -r -F
complete -c hookctl -n "__fish_hookctl_using_subcommand sign" -l id -d 'Message id (default: a fresh msg_… id)' -r
complete -c hookctl -n "__fish_hookctl_using_subcommand sign" -l at -d 'Timestamp to sign with (default: now)' -r
complete -c hookctl -n "__fish_hookctl_using_subcommand sign" -l profile -d 'Profile from the config file [env: HOOKCTL_PROFILE]' -r
complete -c hookctl -n "__fish_hookctl_using_subcommand sign" -l output -d 'Output format' -r -f -a "human\t''
json\t''"
complete -c hookctl -n "__fish_hookctl_using_subcommand sign" -l color -d 'When to use colours (NO_COLOR and CLICOLOR_FORCE are honoured with auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c hookctl -n "__fish_hookctl_using_subcommand sign" -l json -d 'Same as --output json'
complete -c hookctl -n "__fish_hookctl_using_subcommand sign" -s q -l quiet -d 'Print only results and errors'
complete -c hookctl -n "__fish_hookctl_using_subcommand sign" -s v -l verbose -d 'Trace requests on stderr (secrets redacted); repeat for more'
complete -c hookctl -n "__fish_hookctl_using_subcommand sign" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c hookctl -n "__fish_hookctl_using_subcommand sign" -s V -l version -d 'Print version'
complete -c hookctl -n "__fish_hookctl_using_subcommand send" -l scheme -d 'Signature scheme' -r -f -a "standard\t'Standard Webhooks (webhook-id / webhook-timestamp / webhook-signature)'
svix\t'Svix (svix-id / svix-timestamp / svix-signature)'
stripe\t'Stripe (Stripe-Signature: t=…,v1=…)'
github\t'GitHub (X-Hub-Signature-256)'
shopify\t'Shopify (X-Shopify-Hmac-Sha256)'
slack\t'Slack (X-Slack-Signature / X-Slack-Request-Timestamp)'"
complete -c hookctl -n "__fish_hookctl_using_subcommand send" -l secret -d 'Signing secret [env: HOOKCTL_SECRET]' -r
complete -c hookctl -n "__fish_hookctl_using_subcommand send" -l event -d 'Event type of the sample payload (e.g. case.assigned, cases.created, person.updated)' -r
complete -c hookctl -n "__fish_hookctl_using_subcommand send" -l data -d 'The raw body: the text itself, @FILE to read a file, or - for stdin' -r
complete -c hookctl -n "__fish_hookctl_using_subcommand send" -l body-file -d 'File with the raw body, or - for stdin (same as --data @FILE)' -r -F
complete -c hookctl -n "__fish_hookctl_using_subcommand send" -s H -l header -d 'Extra request header \'Name: value\'' -r
complete -c hookctl -n "__fish_hookctl_using_subcommand send" -l id -d 'Message id to sign with (default: a fresh msg_… id)' -r
complete -c hookctl -n "__fish_hookctl_using_subcommand send" -l at -d 'Timestamp to sign with (default: now)' -r
complete -c hookctl -n "__fish_hookctl_using_subcommand send" -l request-timeout -d 'How long the handler may take to answer (30s, 2m, 500ms; a bare number is seconds)' -r
complete -c hookctl -n "__fish_hookctl_using_subcommand send" -l profile -d 'Profile from the config file [env: HOOKCTL_PROFILE]' -r
complete -c hookctl -n "__fish_hookctl_using_subcommand send" -l output -d 'Output format' -r -f -a "human\t''
json\t''"
complete -c hookctl -n "__fish_hookctl_using_subcommand send" -l color -d 'When to use colours (NO_COLOR and CLICOLOR_FORCE are honoured with auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c hookctl -n "__fish_hookctl_using_subcommand send" -l json -d 'Same as --output json'
complete -c hookctl -n "__fish_hookctl_using_subcommand send" -s q -l quiet -d 'Print only results and errors'
complete -c hookctl -n "__fish_hookctl_using_subcommand send" -s v -l verbose -d 'Trace requests on stderr (secrets redacted); repeat for more'
complete -c hookctl -n "__fish_hookctl_using_subcommand send" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c hookctl -n "__fish_hookctl_using_subcommand send" -s V -l version -d 'Print version'
complete -c hookctl -n "__fish_hookctl_using_subcommand probe" -l secret -d 'Signing secret the handler verifies with [env: HOOKCTL_SECRET]' -r
complete -c hookctl -n "__fish_hookctl_using_subcommand probe" -l scheme -d 'Signature scheme the handler expects' -r -f -a "standard\t'Standard Webhooks (webhook-id / webhook-timestamp / webhook-signature)'
svix\t'Svix (svix-id / svix-timestamp / svix-signature)'
stripe\t'Stripe (Stripe-Signature: t=…,v1=…)'
github\t'GitHub (X-Hub-Signature-256)'
shopify\t'Shopify (X-Shopify-Hmac-Sha256)'
slack\t'Slack (X-Slack-Signature / X-Slack-Request-Timestamp)'"
complete -c hookctl -n "__fish_hookctl_using_subcommand probe" -l event -d 'Event type of the sample payloads (e.g. case.assigned, cases.created, person.updated)' -r
complete -c hookctl -n "__fish_hookctl_using_subcommand probe" -l tolerance -d 'The handler\'s allowed clock difference; stale and future timestamps go 1m beyond it (30s, 2m, 500ms; a bare number is seconds)' -r
complete -c hookctl -n "__fish_hookctl_using_subcommand probe" -s H -l header -d 'Extra header on every request \'Name: value\' (e.g. your app\'s own auth)' -r
complete -c hookctl -n "__fish_hookctl_using_subcommand probe" -l junit -d 'Also write the report as JUnit XML to FILE (one test case per check)' -r -F
complete -c hookctl -n "__fish_hookctl_using_subcommand probe" -l request-timeout -d 'How long the handler may take to answer each request (30s, 2m, 500ms; a bare number is seconds)' -r
complete -c hookctl -n "__fish_hookctl_using_subcommand probe" -l profile -d 'Profile from the config file [env: HOOKCTL_PROFILE]' -r
complete -c hookctl -n "__fish_hookctl_using_subcommand probe" -l output -d 'Output format' -r -f -a "human\t''
json\t''"
complete -c hookctl -n "__fish_hookctl_using_subcommand probe" -l color -d 'When to use colours (NO_COLOR and CLICOLOR_FORCE are honoured with auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c hookctl -n "__fish_hookctl_using_subcommand probe" -l dry-run -d 'Print the requests as curl commands; send nothing'
complete -c hookctl -n "__fish_hookctl_using_subcommand probe" -l strict -d 'Fail (instead of warn) when a replayed delivery is accepted again'
complete -c hookctl -n "__fish_hookctl_using_subcommand probe" -l json -d 'Same as --output json'
complete -c hookctl -n "__fish_hookctl_using_subcommand probe" -s q -l quiet -d 'Print only results and errors'
complete -c hookctl -n "__fish_hookctl_using_subcommand probe" -s v -l verbose -d 'Trace requests on stderr (secrets redacted); repeat for more'
complete -c hookctl -n "__fish_hookctl_using_subcommand probe" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c hookctl -n "__fish_hookctl_using_subcommand probe" -s V -l version -d 'Print version'
complete -c hookctl -n "__fish_hookctl_using_subcommand sandbox" -l host -d 'Address to bind (0.0.0.0 exposes the sandbox to the network: a warning says so)' -r
complete -c hookctl -n "__fish_hookctl_using_subcommand sandbox" -s p -l port -d 'Port to bind; 0 picks a free one [default: 8788; with -- CMD: a free one]' -r
complete -c hookctl -n "__fish_hookctl_using_subcommand sandbox" -l data-dir -d 'Directory of the database, used by one sandbox at a time [default: the user\'s data dir, e.g. ~/.local/share/hookctl/sandbox; with -- CMD: a fresh temporary one, removed at the end]' -r -F
complete -c hookctl -n "__fish_hookctl_using_subcommand sandbox" -l lag -d 'How long after its attempt a partner event-log row appears: a duration or MIN..MAX (30s, 2m, 500ms; a bare number is seconds)' -r
complete -c hookctl -n "__fish_hookctl_using_subcommand sandbox" -l fail-rate -d 'Share of attempts (0 to 1) that fail as if the network dropped them' -r
complete -c hookctl -n "__fish_hookctl_using_subcommand sandbox" -l retry-schedule -d 'Pauses before each retry, comma-separated; when they are used up the delivery is dead_letter ("none": no retries) (30s, 2m, 500ms; a bare number is seconds)' -r
complete -c hookctl -n "__fish_hookctl_using_subcommand sandbox" -l token -d 'The token clients must send [default: hookctl-sandbox]' -r
complete -c hookctl -n "__fish_hookctl_using_subcommand sandbox" -l seed-url -d 'Where the seeded endpoints deliver [default: http://127.0.0.1:8787/, `hookctl listen`\'s address]' -r
complete -c hookctl -n "__fish_hookctl_using_subcommand sandbox" -l header-timeout -d 'Time a client has to send request headers; also closes idle keep-alive connections (30s, 2m, 500ms; a bare number is seconds)' -r
complete -c hookctl -n "__fish_hookctl_using_subcommand sandbox" -l body-timeout -d 'Time a client has to send the request body (slower: 408) (30s, 2m, 500ms; a bare number is seconds)' -r
complete -c hookctl -n "__fish_hookctl_using_subcommand sandbox" -l output -d 'Output format' -r -f -a "human\t''
json\t''"
complete -c hookctl -n "__fish_hookctl_using_subcommand sandbox" -l color -d 'When to use colours (NO_COLOR and CLICOLOR_FORCE are honoured with auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c hookctl -n "__fish_hookctl_using_subcommand sandbox" -l json -d 'Same as --output json'
complete -c hookctl -n "__fish_hookctl_using_subcommand sandbox" -s q -l quiet -d 'Print only results and errors'
complete -c hookctl -n "__fish_hookctl_using_subcommand sandbox" -s v -l verbose -d 'Trace requests on stderr (secrets redacted); repeat for more'
complete -c hookctl -n "__fish_hookctl_using_subcommand sandbox" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c hookctl -n "__fish_hookctl_using_subcommand sandbox" -s V -l version -d 'Print version'
complete -c hookctl -n "__fish_hookctl_using_subcommand demo" -l output -d 'Output format' -r -f -a "human\t''
json\t''"
complete -c hookctl -n "__fish_hookctl_using_subcommand demo" -l color -d 'When to use colours (NO_COLOR and CLICOLOR_FORCE are honoured with auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c hookctl -n "__fish_hookctl_using_subcommand demo" -l keep -d 'Keep the temporary sandbox database instead of deleting it (its path is printed)'
complete -c hookctl -n "__fish_hookctl_using_subcommand demo" -l json -d 'Same as --output json'
complete -c hookctl -n "__fish_hookctl_using_subcommand demo" -s q -l quiet -d 'Print only results and errors'
complete -c hookctl -n "__fish_hookctl_using_subcommand demo" -s v -l verbose -d 'Trace requests on stderr (secrets redacted); repeat for more'
complete -c hookctl -n "__fish_hookctl_using_subcommand demo" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c hookctl -n "__fish_hookctl_using_subcommand demo" -s V -l version -d 'Print version'
complete -c hookctl -n "__fish_hookctl_using_subcommand config; and not __fish_seen_subcommand_from init list show set use help" -l profile -d 'Profile from the config file [env: HOOKCTL_PROFILE]' -r
complete -c hookctl -n "__fish_hookctl_using_subcommand config; and not __fish_seen_subcommand_from init list show set use help" -l output -d 'Output format' -r -f -a "human\t''
json\t''"
complete -c hookctl -n "__fish_hookctl_using_subcommand config; and not __fish_seen_subcommand_from init list show set use help" -l color -d 'When to use colours (NO_COLOR and CLICOLOR_FORCE are honoured with auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c hookctl -n "__fish_hookctl_using_subcommand config; and not __fish_seen_subcommand_from init list show set use help" -l json -d 'Same as --output json'
complete -c hookctl -n "__fish_hookctl_using_subcommand config; and not __fish_seen_subcommand_from init list show set use help" -s q -l quiet -d 'Print only results and errors'
complete -c hookctl -n "__fish_hookctl_using_subcommand config; and not __fish_seen_subcommand_from init list show set use help" -s v -l verbose -d 'Trace requests on stderr (secrets redacted); repeat for more'
complete -c hookctl -n "__fish_hookctl_using_subcommand config; and not __fish_seen_subcommand_from init list show set use help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c hookctl -n "__fish_hookctl_using_subcommand config; and not __fish_seen_subcommand_from init list show set use help" -s V -l version -d 'Print version'
complete -c hookctl -n "__fish_hookctl_using_subcommand config; and not __fish_seen_subcommand_from init list show set use help" -f -a "init" -d 'Create or update a profile from flags, else HOOKCTL_PROVIDER/BASE_URL/TOKEN/SECRET (prompts on a terminal for the rest; refuses when nothing is given)'
complete -c hookctl -n "__fish_hookctl_using_subcommand config; and not __fish_seen_subcommand_from init list show set use help" -f -a "list" -d 'List profiles'
complete -c hookctl -n "__fish_hookctl_using_subcommand config; and not __fish_seen_subcommand_from init list show set use help" -f -a "show" -d 'Show a profile with secrets masked (default: the one in use)'
complete -c hookctl -n "__fish_hookctl_using_subcommand config; and not __fish_seen_subcommand_from init list show set use help" -f -a "set" -d 'Set a key of a profile (default: the one in use); an empty value unsets it'
complete -c hookctl -n "__fish_hookctl_using_subcommand config; and not __fish_seen_subcommand_from init list show set use help" -f -a "use" -d 'Make a profile the one used by default'
complete -c hookctl -n "__fish_hookctl_using_subcommand config; and not __fish_seen_subcommand_from init list show set use help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c hookctl -n "__fish_hookctl_using_subcommand config; and __fish_seen_subcommand_from init" -l name -d 'Profile name [default: the --profile given, else "default"]' -r
complete -c hookctl -n "__fish_hookctl_using_subcommand config; and __fish_seen_subcommand_from init" -l secret -d 'Webhook signing secret for listen/verify (repeat for rotation)' -r
complete -c hookctl -n "__fish_hookctl_using_subcommand config; and __fish_seen_subcommand_from init" -l auth-header -d 'Header carrying the token instead of the preset\'s (e.g. XApiKey)' -r
complete -c hookctl -n "__fish_hookctl_using_subcommand config; and __fish_seen_subcommand_from init" -l provider -d 'Provider preset: partner (debitura), closient, xpath, personio [env: HOOKCTL_PROVIDER]' -r
complete -c hookctl -n "__fish_hookctl_using_subcommand config; and __fish_seen_subcommand_from init" -l base-url -d 'Base URL of the provider API [env: HOOKCTL_BASE_URL]' -r
complete -c hookctl -n "__fish_hookctl_using_subcommand config; and __fish_seen_subcommand_from init" -l token -d 'API token; prefer HOOKCTL_TOKEN, command lines end up in shell history [env: HOOKCTL_TOKEN, with --sandbox HOOKCTL_SANDBOX_TOKEN]' -r
complete -c hookctl -n "__fish_hookctl_using_subcommand config; and __fish_seen_subcommand_from init" -l sandbox -d 'Talk to a running `hookctl sandbox` instead of the provider (without URL: HOOKCTL_SANDBOX\'s, else http://127.0.0.1:8788): base URL <sandbox>/<provider>, its default token unless --token or HOOKCTL_SANDBOX_TOKEN; --base-url beats HOOKCTL_SANDBOX [env: HOOKCTL_SANDBOX]' -r
complete -c hookctl -n "__fish_hookctl_using_subcommand config; and __fish_seen_subcommand_from init" -l request-timeout -d 'How long each API request may take (30s, 2m, 500ms; a bare number is seconds) [default: 30s] [env: HOOKCTL_HTTP_TIMEOUT]' -r
complete -c hookctl -n "__fish_hookctl_using_subcommand config; and __fish_seen_subcommand_from init" -l profile -d 'Profile from the config file [env: HOOKCTL_PROFILE]' -r
complete -c hookctl -n "__fish_hookctl_using_subcommand config; and __fish_seen_subcommand_from init" -l output -d 'Output format' -r -f -a "human\t''
json\t''"
complete -c hookctl -n "__fish_hookctl_using_subcommand config; and __fish_seen_subcommand_from init" -l color -d 'When to use colours (NO_COLOR and CLICOLOR_FORCE are honoured with auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c hookctl -n "__fish_hookctl_using_subcommand config; and __fish_seen_subcommand_from init" -l no-input -d 'Never prompt, even on a terminal'
complete -c hookctl -n "__fish_hookctl_using_subcommand config; and __fish_seen_subcommand_from init" -l force -d 'Replace the profile if it exists (otherwise given values are merged into it)'
complete -c hookctl -n "__fish_hookctl_using_subcommand config; and __fish_seen_subcommand_from init" -l no-use -d 'Do not make this profile the default'
complete -c hookctl -n "__fish_hookctl_using_subcommand config; and __fish_seen_subcommand_from init" -l json -d 'Same as --output json'
complete -c hookctl -n "__fish_hookctl_using_subcommand config; and __fish_seen_subcommand_from init" -s q -l quiet -d 'Print only results and errors'
complete -c hookctl -n "__fish_hookctl_using_subcommand config; and __fish_seen_subcommand_from init" -s v -l verbose -d 'Trace requests on stderr (secrets redacted); repeat for more'
complete -c hookctl -n "__fish_hookctl_using_subcommand config; and __fish_seen_subcommand_from init" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c hookctl -n "__fish_hookctl_using_subcommand config; and __fish_seen_subcommand_from init" -s V -l version -d 'Print version'
complete -c hookctl -n "__fish_hookctl_using_subcommand config; and __fish_seen_subcommand_from list" -l profile -d 'Profile from the config file [env: HOOKCTL_PROFILE]' -r
complete -c hookctl -n "__fish_hookctl_using_subcommand config; and __fish_seen_subcommand_from list" -l output -d 'Output format' -r -f -a "human\t''
json\t''"
complete -c hookctl -n "__fish_hookctl_using_subcommand config; and __fish_seen_subcommand_from list" -l color -d 'When to use colours (NO_COLOR and CLICOLOR_FORCE are honoured with auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c hookctl -n "__fish_hookctl_using_subcommand config; and __fish_seen_subcommand_from list" -l json -d 'Same as --output json'
complete -c hookctl -n "__fish_hookctl_using_subcommand config; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Print only results and errors'
complete -c hookctl -n "__fish_hookctl_using_subcommand config; and __fish_seen_subcommand_from list" -s v -l verbose -d 'Trace requests on stderr (secrets redacted); repeat for more'
complete -c hookctl -n "__fish_hookctl_using_subcommand config; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c hookctl -n "__fish_hookctl_using_subcommand config; and __fish_seen_subcommand_from list" -s V -l version -d 'Print version'
complete -c hookctl -n "__fish_hookctl_using_subcommand config; and __fish_seen_subcommand_from show" -l profile -d 'Profile from the config file [env: HOOKCTL_PROFILE]' -r
complete -c hookctl -n "__fish_hookctl_using_subcommand config; and __fish_seen_subcommand_from show" -l output -d 'Output format' -r -f -a "human\t''
json\t''"
complete -c hookctl -n "__fish_hookctl_using_subcommand config; and __fish_seen_subcommand_from show" -l color -d 'When to use colours (NO_COLOR and CLICOLOR_FORCE are honoured with auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c hookctl -n "__fish_hookctl_using_subcommand config; and __fish_seen_subcommand_from show" -l json -d 'Same as --output json'
complete -c hookctl -n "__fish_hookctl_using_subcommand config; and __fish_seen_subcommand_from show" -s q -l quiet -d 'Print only results and errors'
complete -c hookctl -n "__fish_hookctl_using_subcommand config; and __fish_seen_subcommand_from show" -s v -l verbose -d 'Trace requests on stderr (secrets redacted); repeat for more'
complete -c hookctl -n "__fish_hookctl_using_subcommand config; and __fish_seen_subcommand_from show" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c hookctl -n "__fish_hookctl_using_subcommand config; and __fish_seen_subcommand_from show" -s V -l version -d 'Print version'
complete -c hookctl -n "__fish_hookctl_using_subcommand config; and __fish_seen_subcommand_from set" -l profile -d 'Profile from the config file [env: HOOKCTL_PROFILE]' -r
complete -c hookctl -n "__fish_hookctl_using_subcommand config; and __fish_seen_subcommand_from set" -l output -d 'Output format' -r -f -a "human\t''
json\t''"
complete -c hookctl -n "__fish_hookctl_using_subcommand config; and __fish_seen_subcommand_from set" -l color -d 'When to use colours (NO_COLOR and CLICOLOR_FORCE are honoured with auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c hookctl -n "__fish_hookctl_using_subcommand config; and __fish_seen_subcommand_from set" -l json -d 'Same as --output json'
complete -c hookctl -n "__fish_hookctl_using_subcommand config; and __fish_seen_subcommand_from set" -s q -l quiet -d 'Print only results and errors'
complete -c hookctl -n "__fish_hookctl_using_subcommand config; and __fish_seen_subcommand_from set" -s v -l verbose -d 'Trace requests on stderr (secrets redacted); repeat for more'
complete -c hookctl -n "__fish_hookctl_using_subcommand config; and __fish_seen_subcommand_from set" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c hookctl -n "__fish_hookctl_using_subcommand config; and __fish_seen_subcommand_from set" -s V -l version -d 'Print version'
complete -c hookctl -n "__fish_hookctl_using_subcommand config; and __fish_seen_subcommand_from use" -l profile -d 'Profile from the config file [env: HOOKCTL_PROFILE]' -r
complete -c hookctl -n "__fish_hookctl_using_subcommand config; and __fish_seen_subcommand_from use" -l output -d 'Output format' -r -f -a "human\t''
json\t''"
complete -c hookctl -n "__fish_hookctl_using_subcommand config; and __fish_seen_subcommand_from use" -l color -d 'When to use colours (NO_COLOR and CLICOLOR_FORCE are honoured with auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c hookctl -n "__fish_hookctl_using_subcommand config; and __fish_seen_subcommand_from use" -l json -d 'Same as --output json'
complete -c hookctl -n "__fish_hookctl_using_subcommand config; and __fish_seen_subcommand_from use" -s q -l quiet -d 'Print only results and errors'
complete -c hookctl -n "__fish_hookctl_using_subcommand config; and __fish_seen_subcommand_from use" -s v -l verbose -d 'Trace requests on stderr (secrets redacted); repeat for more'
complete -c hookctl -n "__fish_hookctl_using_subcommand config; and __fish_seen_subcommand_from use" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c hookctl -n "__fish_hookctl_using_subcommand config; and __fish_seen_subcommand_from use" -s V -l version -d 'Print version'
complete -c hookctl -n "__fish_hookctl_using_subcommand config; and __fish_seen_subcommand_from help" -f -a "init" -d 'Create or update a profile from flags, else HOOKCTL_PROVIDER/BASE_URL/TOKEN/SECRET (prompts on a terminal for the rest; refuses when nothing is given)'
complete -c hookctl -n "__fish_hookctl_using_subcommand config; and __fish_seen_subcommand_from help" -f -a "list" -d 'List profiles'
complete -c hookctl -n "__fish_hookctl_using_subcommand config; and __fish_seen_subcommand_from help" -f -a "show" -d 'Show a profile with secrets masked (default: the one in use)'
complete -c hookctl -n "__fish_hookctl_using_subcommand config; and __fish_seen_subcommand_from help" -f -a "set" -d 'Set a key of a profile (default: the one in use); an empty value unsets it'
complete -c hookctl -n "__fish_hookctl_using_subcommand config; and __fish_seen_subcommand_from help" -f -a "use" -d 'Make a profile the one used by default'
complete -c hookctl -n "__fish_hookctl_using_subcommand config; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c hookctl -n "__fish_hookctl_using_subcommand completions" -l output -d 'Output format' -r -f -a "human\t''
json\t''"
complete -c hookctl -n "__fish_hookctl_using_subcommand completions" -l color -d 'When to use colours (NO_COLOR and CLICOLOR_FORCE are honoured with auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c hookctl -n "__fish_hookctl_using_subcommand completions" -l json -d 'Same as --output json'
complete -c hookctl -n "__fish_hookctl_using_subcommand completions" -s q -l quiet -d 'Print only results and errors'
complete -c hookctl -n "__fish_hookctl_using_subcommand completions" -s v -l verbose -d 'Trace requests on stderr (secrets redacted); repeat for more'
complete -c hookctl -n "__fish_hookctl_using_subcommand completions" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c hookctl -n "__fish_hookctl_using_subcommand completions" -s V -l version -d 'Print version'
complete -c hookctl -n "__fish_hookctl_using_subcommand man" -l out -d 'Directory to write the pages to (one per command); without it, print hookctl.1' -r -F
complete -c hookctl -n "__fish_hookctl_using_subcommand man" -l output -d 'Output format' -r -f -a "human\t''
json\t''"
complete -c hookctl -n "__fish_hookctl_using_subcommand man" -l color -d 'When to use colours (NO_COLOR and CLICOLOR_FORCE are honoured with auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c hookctl -n "__fish_hookctl_using_subcommand man" -l json -d 'Same as --output json'
complete -c hookctl -n "__fish_hookctl_using_subcommand man" -s q -l quiet -d 'Print only results and errors'
complete -c hookctl -n "__fish_hookctl_using_subcommand man" -s v -l verbose -d 'Trace requests on stderr (secrets redacted); repeat for more'
complete -c hookctl -n "__fish_hookctl_using_subcommand man" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c hookctl -n "__fish_hookctl_using_subcommand man" -s V -l version -d 'Print version'
complete -c hookctl -n "__fish_hookctl_using_subcommand help; and not __fish_seen_subcommand_from endpoints subscriptions fire test replay events listen verify sign send probe sandbox demo config completions man help" -f -a "endpoints" -d 'Manage webhook endpoints (partner: subscriptions)'
complete -c hookctl -n "__fish_hookctl_using_subcommand help; and not __fish_seen_subcommand_from endpoints subscriptions fire test replay events listen verify sign send probe sandbox demo config completions man help" -f -a "subscriptions" -d 'Choose which event types an endpoint receives'
complete -c hookctl -n "__fish_hookctl_using_subcommand help; and not __fish_seen_subcommand_from endpoints subscriptions fire test replay events listen verify sign send probe sandbox demo config completions man help" -f -a "fire" -d 'Fire an event for a test case (partner) and optionally wait until it is delivered'
complete -c hookctl -n "__fish_hookctl_using_subcommand help; and not __fish_seen_subcommand_from endpoints subscriptions fire test replay events listen verify sign send probe sandbox demo config completions man help" -f -a "test" -d 'Send a provider test event to an endpoint (closient, personio)'
complete -c hookctl -n "__fish_hookctl_using_subcommand help; and not __fish_seen_subcommand_from endpoints subscriptions fire test replay events listen verify sign send probe sandbox demo config completions man help" -f -a "replay" -d 'Replay a provider delivery, or re-send captured requests from a file'
complete -c hookctl -n "__fish_hookctl_using_subcommand help; and not __fish_seen_subcommand_from endpoints subscriptions fire test replay events listen verify sign send probe sandbox demo config completions man help" -f -a "events" -d 'Read the provider\'s event log, or wait for rows to appear'
complete -c hookctl -n "__fish_hookctl_using_subcommand help; and not __fish_seen_subcommand_from endpoints subscriptions fire test replay events listen verify sign send probe sandbox demo config completions man help" -f -a "listen" -d 'Run a local receiver that verifies, shows, captures and forwards webhooks'
complete -c hookctl -n "__fish_hookctl_using_subcommand help; and not __fish_seen_subcommand_from endpoints subscriptions fire test replay events listen verify sign send probe sandbox demo config completions man help" -f -a "verify" -d 'Verify a webhook signature offline'
complete -c hookctl -n "__fish_hookctl_using_subcommand help; and not __fish_seen_subcommand_from endpoints subscriptions fire test replay events listen verify sign send probe sandbox demo config completions man help" -f -a "sign" -d 'Print the signature headers a provider would send for a body'
complete -c hookctl -n "__fish_hookctl_using_subcommand help; and not __fish_seen_subcommand_from endpoints subscriptions fire test replay events listen verify sign send probe sandbox demo config completions man help" -f -a "send" -d 'Sign a sample event and POST it to a URL'
complete -c hookctl -n "__fish_hookctl_using_subcommand help; and not __fish_seen_subcommand_from endpoints subscriptions fire test replay events listen verify sign send probe sandbox demo config completions man help" -f -a "probe" -d 'Check that a handler accepts genuine deliveries and rejects forged ones'
complete -c hookctl -n "__fish_hookctl_using_subcommand help; and not __fish_seen_subcommand_from endpoints subscriptions fire test replay events listen verify sign send probe sandbox demo config completions man help" -f -a "sandbox" -d 'Run a local emulator of the four provider APIs, with a real delivery pipeline'
complete -c hookctl -n "__fish_hookctl_using_subcommand help; and not __fish_seen_subcommand_from endpoints subscriptions fire test replay events listen verify sign send probe sandbox demo config completions man help" -f -a "demo" -d 'Show the whole loop offline: sandbox, verifying listener, fire, wait, test, replay'
complete -c hookctl -n "__fish_hookctl_using_subcommand help; and not __fish_seen_subcommand_from endpoints subscriptions fire test replay events listen verify sign send probe sandbox demo config completions man help" -f -a "config" -d 'Manage profiles in the config file'
complete -c hookctl -n "__fish_hookctl_using_subcommand help; and not __fish_seen_subcommand_from endpoints subscriptions fire test replay events listen verify sign send probe sandbox demo config completions man help" -f -a "completions" -d 'Print shell completions'
complete -c hookctl -n "__fish_hookctl_using_subcommand help; and not __fish_seen_subcommand_from endpoints subscriptions fire test replay events listen verify sign send probe sandbox demo config completions man help" -f -a "man" -d 'Write man pages'
complete -c hookctl -n "__fish_hookctl_using_subcommand help; and not __fish_seen_subcommand_from endpoints subscriptions fire test replay events listen verify sign send probe sandbox demo config completions man help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c hookctl -n "__fish_hookctl_using_subcommand help; and __fish_seen_subcommand_from endpoints" -f -a "list" -d 'List endpoints'
complete -c hookctl -n "__fish_hookctl_using_subcommand help; and __fish_seen_subcommand_from endpoints" -f -a "get" -d 'Show one endpoint'
complete -c hookctl -n "__fish_hookctl_using_subcommand help; and __fish_seen_subcommand_from endpoints" -f -a "create" -d 'Register an endpoint; prints its signing secret once'
complete -c hookctl -n "__fish_hookctl_using_subcommand help; and __fish_seen_subcommand_from endpoints" -f -a "update" -d 'Change an endpoint\'s URL, events, description or status'
complete -c hookctl -n "__fish_hookctl_using_subcommand help; and __fish_seen_subcommand_from endpoints" -f -a "delete" -d 'Delete an endpoint (asks on a terminal)'
complete -c hookctl -n "__fish_hookctl_using_subcommand help; and __fish_seen_subcommand_from endpoints" -f -a "pause" -d 'Stop deliveries to an endpoint'
complete -c hookctl -n "__fish_hookctl_using_subcommand help; and __fish_seen_subcommand_from endpoints" -f -a "resume" -d 'Resume deliveries to an endpoint'
complete -c hookctl -n "__fish_hookctl_using_subcommand help; and __fish_seen_subcommand_from endpoints" -f -a "cleanup" -d 'Delete temporary endpoints left behind by `listen --register` runs that were killed'
complete -c hookctl -n "__fish_hookctl_using_subcommand help; and __fish_seen_subcommand_from subscriptions" -f -a "list" -d 'Event types each endpoint receives (or one endpoint\'s)'
complete -c hookctl -n "__fish_hookctl_using_subcommand help; and __fish_seen_subcommand_from subscriptions" -f -a "types" -d 'The provider\'s event catalog'
complete -c hookctl -n "__fish_hookctl_using_subcommand help; and __fish_seen_subcommand_from subscriptions" -f -a "add" -d 'Subscribe an endpoint to more event types'
complete -c hookctl -n "__fish_hookctl_using_subcommand help; and __fish_seen_subcommand_from subscriptions" -f -a "remove" -d 'Unsubscribe an endpoint from event types'
complete -c hookctl -n "__fish_hookctl_using_subcommand help; and __fish_seen_subcommand_from events" -f -a "list" -d 'List rows of the event log'
complete -c hookctl -n "__fish_hookctl_using_subcommand help; and __fish_seen_subcommand_from events" -f -a "get" -d 'Show one row'
complete -c hookctl -n "__fish_hookctl_using_subcommand help; and __fish_seen_subcommand_from events" -f -a "wait" -d 'Wait until N new matching rows appear and are terminal'
complete -c hookctl -n "__fish_hookctl_using_subcommand help; and __fish_seen_subcommand_from config" -f -a "init" -d 'Create or update a profile from flags, else HOOKCTL_PROVIDER/BASE_URL/TOKEN/SECRET (prompts on a terminal for the rest; refuses when nothing is given)'
complete -c hookctl -n "__fish_hookctl_using_subcommand help; and __fish_seen_subcommand_from config" -f -a "list" -d 'List profiles'
complete -c hookctl -n "__fish_hookctl_using_subcommand help; and __fish_seen_subcommand_from config" -f -a "show" -d 'Show a profile with secrets masked (default: the one in use)'
complete -c hookctl -n "__fish_hookctl_using_subcommand help; and __fish_seen_subcommand_from config" -f -a "set" -d 'Set a key of a profile (default: the one in use); an empty value unsets it'
complete -c hookctl -n "__fish_hookctl_using_subcommand help; and __fish_seen_subcommand_from config" -f -a "use" -d 'Make a profile the one used by default'
