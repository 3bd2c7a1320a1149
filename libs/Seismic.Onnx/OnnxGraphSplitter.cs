using Seismic.Onnx.Schema;

namespace Seismic.Onnx;

/// <summary>
/// Cuts an ONNX model in two at one of its tensors: the front computes that tensor from the model's inputs,
/// the back computes the model's outputs from it. Each part keeps the nodes (in the original, topological,
/// order) and the initializers it needs, the opset and the metadata, so running the front then the back
/// computes what the whole model computes. The classifier's sliding inference cuts its network where the
/// features stop depending on the window.
/// </summary>
public static class OnnxGraphSplitter
{
    /// <param name="model">The whole model; not changed.</param>
    /// <param name="tensor">The tensor to cut at: a node's output.</param>
    /// <param name="tensorDimensions">The shape to declare for <paramref name="tensor"/>, as for <see cref="OnnxGraphBuilder.AddInput"/>.</param>
    /// <param name="inputDimensions">Shapes to declare instead for some of the model's inputs (by name), e.g. to open a fixed length.</param>
    /// <exception cref="ArgumentException">No node makes <paramref name="tensor"/>, or the back part needs a model input.</exception>
    public static (ModelProto Front, ModelProto Back) Split(
        ModelProto model, string tensor, object[] tensorDimensions, IReadOnlyDictionary<string, object[]>? inputDimensions = null)
    {
        var graph = model.Graph;
        var producers = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < graph.Node.Count; i++)
            foreach (var output in graph.Node[i].Output)
                producers[output] = i;
        if (!producers.ContainsKey(tensor))
            throw new ArgumentException($"no node of graph '{graph.Name}' makes a tensor named '{tensor}'", nameof(tensor));

        var frontNodes = Ancestors(graph, producers, [tensor], stopAt: null);
        var backNodes = Ancestors(graph, producers, graph.Output.Select(output => output.Name), stopAt: tensor);

        var front = Part(model, frontNodes, $"{graph.Name}.front");
        foreach (var input in graph.Input.Where(input => Uses(graph, frontNodes, input.Name)))
        {
            front.Graph.Input.Add(inputDimensions is not null && inputDimensions.TryGetValue(input.Name, out var dimensions)
                ? OnnxGraphBuilder.FloatValue(input.Name, dimensions)
                : input.Clone());
        }
        front.Graph.Output.Add(OnnxGraphBuilder.FloatValue(tensor, tensorDimensions));

        var back = Part(model, backNodes, $"{graph.Name}.back");
        if (graph.Input.FirstOrDefault(input => Uses(graph, backNodes, input.Name)) is { } needed)
            throw new ArgumentException($"the outputs of graph '{graph.Name}' need input '{needed.Name}' beside '{tensor}'", nameof(tensor));
        back.Graph.Input.Add(OnnxGraphBuilder.FloatValue(tensor, tensorDimensions));
        back.Graph.Output.AddRange(graph.Output.Select(output => output.Clone()));
        return (front, back);
    }

    /// <summary>Indices of the nodes the <paramref name="targets"/> are computed from, not looking past <paramref name="stopAt"/>.</summary>
    private static SortedSet<int> Ancestors(GraphProto graph, Dictionary<string, int> producers, IEnumerable<string> targets, string? stopAt)
    {
        var nodes = new SortedSet<int>();
        var pending = new Stack<string>(targets);
        while (pending.TryPop(out var name))
        {
            if (name == stopAt || !producers.TryGetValue(name, out var index) || !nodes.Add(index))
                continue;
            foreach (var input in graph.Node[index].Input)
                pending.Push(input);
        }
        return nodes;
    }

    private static bool Uses(GraphProto graph, SortedSet<int> nodes, string name) =>
        nodes.Any(index => graph.Node[index].Input.Contains(name));

    private static ModelProto Part(ModelProto model, SortedSet<int> nodes, string name)
    {
        var part = model.Clone();
        var graph = model.Graph;
        part.Graph = new GraphProto { Name = name };
        part.Graph.Node.AddRange(nodes.Select(index => graph.Node[index].Clone()));
        part.Graph.Initializer.AddRange(graph.Initializer.Where(initializer => Uses(graph, nodes, initializer.Name)).Select(initializer => initializer.Clone()));
        return part;
    }
}
