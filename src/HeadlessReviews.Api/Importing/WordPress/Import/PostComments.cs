using System.Security.Cryptography;
using System.Text;
using HeadlessReviews.Api.Comments;
using HeadlessReviews.Api.Comments.Posting;
using HeadlessReviews.Api.Comments.Screening;
using HeadlessReviews.Api.Graph;
using HeadlessReviews.Api.Importing.WordPress.Wxr;

namespace HeadlessReviews.Api.Importing.WordPress.Import;

/// <summary>
/// A post's WordPress comments as one <see cref="ImportCommentsInput"/>: readers' comments only (pingbacks, trackbacks
/// and editorial notes are counted as skipped), parents before replies whatever the file's order, WordPress's status
/// and Akismet's verdict kept, those imported before sent only when WordPress changed them.
/// </summary>
public static class PostComments
{
    public sealed record Plan(ImportCommentsInput Input, Dictionary<ImportCommentInput, (long WpId, string Hash)> Sources, int Skipped, int Unchanged, List<string> Warnings);

    public static Plan For(Guid reviewId, IReadOnlyList<WxrComment> comments, ImportRecord? record)
    {
        var warnings = new List<string>();
        var known = record?.Comments ?? [];
        var readers = new List<WxrComment>();
        var skipped = 0;
        foreach (var comment in comments)
        {
            if (comment.Type is "" or "comment") readers.Add(comment);
            else skipped++;
        }

        // Our id for every reader's comment, so a reply can name its parent wherever the parent is in the file.
        var ids = new Dictionary<long, Guid>();
        foreach (var comment in readers)
            ids.TryAdd(comment.Id, known.TryGetValue(Key(comment.Id), out var before) ? before.Id : Guid.NewGuid());

        var input = new ImportCommentsInput { ReviewId = GlobalId.Encode("Review", reviewId) };
        var sources = new Dictionary<ImportCommentInput, (long, string)>(ReferenceEqualityComparer.Instance);
        var unchanged = 0;
        foreach (var comment in ParentsFirst(readers))
        {
            var hash = Hash(comment);
            known.TryGetValue(Key(comment.Id), out var before);
            if (before is not null && before.Hash == hash) { unchanged++; continue; }

            Guid? parent = null;
            if (comment.Parent != 0)
            {
                if (ids.TryGetValue(comment.Parent, out var parentId) && comment.Parent != comment.Id) parent = parentId;
                else warnings.Add($"Comment {comment.Id} answers comment {comment.Parent}, which is not in the export: it starts a thread of its own.");
            }
            var (status, statusWarning) = Status(comment);
            if (statusWarning is not null) warnings.Add($"Comment {comment.Id}: {statusWarning}");
            var (verdict, reasons) = Akismet(comment);
            var posted = comment.DateGmt ?? comment.Date;
            var imported = new ImportCommentInput
            {
                Id = before is null ? ids[comment.Id] : null,
                ExistingId = before?.Id,
                ExpectedVersion = before?.Version,
                ParentId = parent is { } p ? GlobalId.Encode("Comment", p) : null,
                AuthorName = WxrHtmlText.Decode(comment.Author).Trim(),
                AuthorEmail = comment.AuthorEmail.Trim(),
                AuthorUrl = comment.AuthorUrl.Trim() is { Length: > 0 } url ? url : null,
                // WordPress keeps comment text as HTML (entities encoded); ours is plain text, where markup stays inert.
                Body = WxrHtmlText.Decode(comment.Content),
                PostedAt = posted is { } at ? new DateTimeOffset(DateTime.SpecifyKind(at, DateTimeKind.Utc)) : null,
                Status = status,
                SpamVerdict = verdict,
                SpamReasons = reasons,
                ClientAddress = comment.AuthorIp.Trim() is { Length: > 0 } ip ? ip : null,
            };
            input.Comments.Add(imported);
            sources[imported] = (comment.Id, hash);
        }
        return new Plan(input, sources, skipped, unchanged, warnings);
    }

    public static string Key(long wpId) => wpId.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Threads in order: a comment after its parent (a parent later in the file, or a cycle, is handled).</summary>
    private static List<WxrComment> ParentsFirst(List<WxrComment> comments)
    {
        var byId = new Dictionary<long, WxrComment>();
        foreach (var comment in comments) byId.TryAdd(comment.Id, comment);
        var done = new HashSet<long>();
        var ordered = new List<WxrComment>(comments.Count);
        foreach (var comment in comments)
        {
            // Walk up to the first ancestor not yet placed, then place the chain top-down.
            var chain = new List<WxrComment>();
            var seen = new HashSet<long>();
            for (var current = comment; current is not null && !done.Contains(current.Id) && seen.Add(current.Id);
                 current = current.Parent != 0 && byId.TryGetValue(current.Parent, out var parent) ? parent : null)
                chain.Add(current);
            for (var i = chain.Count - 1; i >= 0; i--)
                if (done.Add(chain[i].Id)) ordered.Add(chain[i]);
        }
        return ordered;
    }

    private static (CommentStatus, string?) Status(WxrComment comment) => comment.Approved.Trim() switch
    {
        "1" or "approve" => (CommentStatus.Approved, null),
        "0" or "hold" => (CommentStatus.Pending, null),
        "spam" => (CommentStatus.Spam, null),
        "trash" or "post-trashed" => (CommentStatus.Trash, null),
        var other => (CommentStatus.Pending, $"status \"{other}\" is not one WordPress writes; held for moderation."),
    };

    /// <summary>Akismet's comment meta: its result as the verdict, its result and history as the reasons.</summary>
    private static (SpamVerdict?, List<string>) Akismet(WxrComment comment)
    {
        SpamVerdict? verdict = null;
        var reasons = new List<string>();
        foreach (var meta in comment.Meta)
        {
            switch (meta.Key)
            {
                case "akismet_result":
                    verdict = meta.Value.Trim() switch { "true" => SpamVerdict.Spam, "false" => SpamVerdict.Ham, _ => SpamVerdict.Unsure };
                    reasons.Add($"Akismet: {(verdict == SpamVerdict.Spam ? "spam" : verdict == SpamVerdict.Ham ? "not spam" : "unsure")}");
                    break;
                case "akismet_history" when AkismetHistory(meta.Value) is { } history:
                    reasons.Add($"Akismet history: {history}");
                    break;
                case "akismet_pro_tip" or "akismet_error":
                    reasons.Add($"Akismet {meta.Key["akismet_".Length..].Replace('_', ' ')}: {meta.Value.Trim()}");
                    break;
            }
        }
        return (verdict, reasons.Take(ImportComments.MaxSpamReasons).ToList());
    }

    /// <summary>The event of one serialised history entry ("check-spam", "status-changed-approved"…), or null.</summary>
    private static string? AkismetHistory(string serialized)
    {
        if (!PhpUnserializer.TryParse(serialized, out var value, out _)) return null;
        return value is PhpArray array && array["event"] is PhpString { Value.Length: > 0 } name ? name.Value : null;
    }

    private static string Hash(WxrComment comment)
    {
        var text = string.Join('\u001f', comment.Author, comment.AuthorEmail, comment.AuthorUrl, comment.AuthorIp,
            comment.DateGmt?.ToString("O"), comment.Date?.ToString("O"), comment.Content, comment.Approved, comment.Type, comment.Parent,
            string.Join('\u001e', comment.Meta.Where(m => m.Key.StartsWith("akismet_", StringComparison.Ordinal)).Select(m => $"{m.Key}={m.Value}")));
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..32];
    }
}
