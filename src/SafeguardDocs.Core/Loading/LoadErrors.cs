using SafeguardDocs.Core.Diagnostics;

namespace SafeguardDocs.Core.Loading;

/// <summary>
/// Why a file could not be read. Each is exit code 2 in the command: the input is not usable at all,
/// as opposed to a case with findings. Messages say what to do and never quote the file's values.
/// </summary>
public static class LoadErrors
{
    public const string FileNotFoundId = "LD001";
    public const string MalformedJsonId = "LD002";
    public const string NoKindId = "LD003";
    public const string UnknownKindId = "LD004";
    public const string UnknownPropertyId = "LD005";
    public const string WrongTypeId = "LD006";
    public const string RefusedPropertyId = "LD007";
    public const string NotAnObjectId = "LD008";
    public const string DuplicatePropertyId = "LD009";
    public const string TooLargeId = "LD010";
    public const string TooDeepId = "LD011";
    public const string EncodingId = "LD012";
    public const string ControlCharacterId = "LD013";
    public const string DateOutOfRangeId = "LD014";

    public static Finding FileNotFound(string file) =>
        new(FileNotFoundId, Severity.Error, "$", "The case file does not exist. Check the path and the file name, then run the command again.") { File = file };

    public static Finding Unreadable(string file) =>
        new(FileNotFoundId, Severity.Error, "$", "The case file could not be opened. Check that it is a file (not a folder) and that you have permission to read it.") { File = file };

    public static Finding NotAFile(string file, string why) =>
        new(FileNotFoundId, Severity.Error, "$", why) { File = file };

    public static Finding TooLarge(string file, string limit) =>
        new(TooLargeId, Severity.Error, "$", $"The file is larger than {limit}, the most a case file may be, so it is not read. A case file is a few kilobytes: check that this is a case file.") { File = file };

    public static Finding TooDeep(string file, int line, int column, int maxDepth) =>
        new(TooDeepId, Severity.Error, "$", $"The JSON is nested more than {maxDepth} levels deep here, the most a case file may be. A case file is a few levels deep: check that this is a case file.") { File = file, Line = line, Column = column };

    public static Finding NotUtf8(string file) =>
        new(EncodingId, Severity.Error, "$", "The file is not UTF-8 text (it may be Latin-1 / Windows-1252, or damaged). Save it again as UTF-8 (UTF-16 with a byte order mark is also read) and run again.") { File = file, Line = 1, Column = 1 };

    public static Finding UnsupportedEncoding(string file, string encoding) =>
        new(EncodingId, Severity.Error, "$", $"The file is {encoding} text, which is not read. Save it again as UTF-8 and run again.") { File = file, Line = 1, Column = 1 };

    public static Finding InvalidText(string file, string path) =>
        new(EncodingId, Severity.Error, path, "This text holds an escaped character that is not a whole character (half of a \\uD800-\\uDFFF surrogate pair). Retype the text, or save the file again from the system that made it.") { File = file };

    public static Finding ControlCharacter(string file, string path) =>
        new(ControlCharacterId, Severity.Error, path, "This text holds a control character (such as NUL, or another character below a space other than tab and new line) that cannot go into a document. Retype the text without it and run again.") { File = file };

    public static Finding DateOutOfRange(string file, string path, string from, string to) =>
        new(DateOutOfRangeId, Severity.Error, path, $"This date is outside the range a case may use ({from} to {to}). Check the year and run again.") { File = file };

    public static Finding MalformedJson(string file, int line, int column) =>
        new(MalformedJsonId, Severity.Error, "$", "The file is not valid JSON at this point. Look for a missing comma, quote or bracket just before it, or save it again from the system that made it.") { File = file, Line = line, Column = column };

    public static Finding NotAnObject(string file) =>
        new(NotAnObjectId, Severity.Error, "$", "A case file is one JSON object, starting with '{'. Check that this is a case file.") { File = file, Line = 1, Column = 1 };

    public static Finding NoKind(string file, string knownKinds) =>
        new(NoKindId, Severity.Error, "$.kind", $"The case file has no \"kind\". Add \"kind\" with one of: {knownKinds}.") { File = file };

    public static Finding UnknownKind(string file, string knownKinds) =>
        new(UnknownKindId, Severity.Error, "$.kind", $"This \"kind\" is not one SafeguardDocs knows. Use one of: {knownKinds}.") { File = file };

    public static Finding UnknownProperty(string file, string path, string? suggestion) =>
        new(UnknownPropertyId, Severity.Error, path, suggestion is null
            ? "This property is not part of this kind of case. Remove it, or check its spelling against the kind's fields in docs/case-files.md."
            : $"This property is not part of this kind of case. Did you mean \"{suggestion}\"? Rename or remove it.") { File = file };

    public static Finding WrongType(string file, string path, string expected) =>
        new(WrongTypeId, Severity.Error, path, $"This value has the wrong type: it should be {expected}. Correct it and run again.") { File = file };

    public static Finding RefusedProperty(string file, string path, string reason) =>
        new(RefusedPropertyId, Severity.Error, path, reason) { File = file };

    public static Finding DuplicateProperty(string file, string path) =>
        new(DuplicatePropertyId, Severity.Error, path, "This property appears more than once in the same object. Keep one and remove the others.") { File = file };
}
