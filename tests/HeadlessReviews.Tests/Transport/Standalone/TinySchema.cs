using GraphQL;
using GraphQL.Types;

namespace HeadlessReviews.Tests.Transport.Standalone;

/// <summary>
/// A schema of the transports' own, nothing of the film publication in it: <c>Query.hello</c>,
/// <c>Mutation.echo</c> and <c>Subscription.ticks</c> (an in-memory stream of 1..count).
/// </summary>
public sealed class TinySchema : Schema
{
    public TinySchema(IServiceProvider services) : base(services)
    {
        Query = new TinyQuery();
        Mutation = new TinyMutation();
        Subscription = new TinySubscription();
    }

    private sealed class TinyQuery : ObjectGraphType
    {
        public TinyQuery()
        {
            Name = "Query";
            Field<NonNullGraphType<StringGraphType>>("hello")
                .Argument<StringGraphType>("name")
                .Resolve(context => $"Hello, {context.GetArgument<string?>("name") ?? "world"}!");
        }
    }

    private sealed class TinyMutation : ObjectGraphType
    {
        public TinyMutation()
        {
            Name = "Mutation";
            Field<NonNullGraphType<StringGraphType>>("echo")
                .Argument<NonNullGraphType<StringGraphType>>("text")
                .Resolve(context => context.GetArgument<string>("text"));
        }
    }

    private sealed class TinySubscription : ObjectGraphType
    {
        public TinySubscription()
        {
            Name = "Subscription";
            Field<NonNullGraphType<IntGraphType>, int>("ticks")
                .Argument<NonNullGraphType<IntGraphType>>("count")
                .ResolveStream(context => new Ticks(context.GetArgument<int>("count")))
                .Resolve(context => (int)context.Source!);
        }
    }

    /// <summary>1, 2 … count to each subscriber as it subscribes, then the end of the stream.</summary>
    private sealed class Ticks(int count) : IObservable<int>
    {
        public IDisposable Subscribe(IObserver<int> observer)
        {
            for (var tick = 1; tick <= count; tick++) observer.OnNext(tick);
            observer.OnCompleted();
            return new Unsubscribed();
        }

        private sealed class Unsubscribed : IDisposable
        {
            public void Dispose() { }
        }
    }
}
