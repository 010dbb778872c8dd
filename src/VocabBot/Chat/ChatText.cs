namespace VocabBot.Chat;

/// <summary>The resources (ChatText.resx, ChatText.zh-TW.resx) of what the router itself says: /help, unknown commands, storage trouble.</summary>
internal sealed class ChatText;
