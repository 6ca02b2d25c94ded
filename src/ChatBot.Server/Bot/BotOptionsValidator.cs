using Microsoft.Extensions.Options;

namespace ChatBot.Server.Bot;

/// <summary>Checks the registration settings fit together, naming the setting at fault (never its value).</summary>
internal sealed class BotOptionsValidator : IValidateOptions<BotOptions>
{
    public ValidateOptionsResult Validate(string? name, BotOptions options)
    {
        if (options.IsLocalMode)
        {
            return ValidateOptionsResult.Success;
        }

        var failures = new List<string>();
        if (!Guid.TryParse(options.MicrosoftAppId, out _))
        {
            failures.Add("Bot:MicrosoftAppId must be the Azure Bot's Microsoft App ID (a GUID).");
        }

        var type = options.MicrosoftAppType;
        var tenantSet = !string.IsNullOrWhiteSpace(options.MicrosoftAppTenantId);
        var secretSet = !string.IsNullOrEmpty(options.MicrosoftAppPassword);
        if (string.Equals(type, "SingleTenant", StringComparison.OrdinalIgnoreCase))
        {
            if (!tenantSet)
            {
                failures.Add("Bot:MicrosoftAppTenantId is required when Bot:MicrosoftAppType is SingleTenant.");
            }

            if (!secretSet)
            {
                failures.Add("Bot:MicrosoftAppPassword is required when Bot:MicrosoftAppId is set: give it in the environment variable CHATBOT_Bot__MicrosoftAppPassword or in user secrets.");
            }
        }
        else if (string.Equals(type, "MultiTenant", StringComparison.OrdinalIgnoreCase))
        {
            if (!secretSet)
            {
                failures.Add("Bot:MicrosoftAppPassword is required when Bot:MicrosoftAppId is set: give it in the environment variable CHATBOT_Bot__MicrosoftAppPassword or in user secrets.");
            }
        }
        else if (string.Equals(type, "UserAssignedMSI", StringComparison.OrdinalIgnoreCase))
        {
            if (!tenantSet)
            {
                failures.Add("Bot:MicrosoftAppTenantId is required when Bot:MicrosoftAppType is UserAssignedMSI.");
            }

            if (secretSet)
            {
                failures.Add("Bot:MicrosoftAppPassword must not be set when Bot:MicrosoftAppType is UserAssignedMSI.");
            }
        }
        else
        {
            failures.Add("Bot:MicrosoftAppType must be SingleTenant, MultiTenant or UserAssignedMSI.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
