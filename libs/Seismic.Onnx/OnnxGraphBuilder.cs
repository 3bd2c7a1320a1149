using Google.Protobuf;
using Seismic.Onnx.Schema;

namespace Seismic.Onnx;

/// <summary>
/// Builds an ONNX model node by node: the trainer exports its networks with it (TorchSharp has no ONNX
/// exporter) and tests make small models with it. Only float32 tensors: every Seismic model is float32.
/// </summary>
public sealed class OnnxGraphBuilder(string graphName)
{
    /// <summary>ONNX IR version 8 (ONNX 1.10+), understood by every ONNX Runtime release in use.</summary>
    private const long IrVersion = 8;

    private readonly GraphProto _graph = new() { Name = graphName };
    private int _nodeCount;

    /// <summary>A float32 graph input; each dimension is a fixed size (long) or a symbolic name (string), e.g. "batch".</summary>
    public void AddInput(string name, params object[] dimensions) => _graph.Input.Add(FloatValue(name, dimensions));

    public void AddOutput(string name, params object[] dimensions) => _graph.Output.Add(FloatValue(name, dimensions));

    /// <summary>A constant (weights, biases, shapes) stored in the model; returns its name for use as a node input.</summary>
    public string AddInitializer(string name, ReadOnlySpan<float> values, params long[] dimensions)
    {
        var tensor = new TensorProto { Name = name, DataType = (int)TensorProto.Types.DataType.Float };
        tensor.Dims.AddRange(dimensions);
        // raw_data is little-endian float32, the layout ONNX specifies; far smaller to write than float_data.
        tensor.RawData = ByteString.CopyFrom(System.Runtime.InteropServices.MemoryMarshal.AsBytes(values));
        _graph.Initializer.Add(tensor);
        return name;
    }

    /// <summary>A 64-bit integer constant, for operators that take shapes or axes as inputs.</summary>
    public string AddInt64Initializer(string name, ReadOnlySpan<long> values, params long[] dimensions)
    {
        var tensor = new TensorProto { Name = name, DataType = (int)TensorProto.Types.DataType.Int64 };
        tensor.Dims.AddRange(dimensions);
        tensor.Int64Data.AddRange(values.ToArray());
        _graph.Initializer.Add(tensor);
        return name;
    }

    /// <summary>
    /// Adds a node of an ONNX operator; attribute values may be long, float, string, long[] or float[].
    /// Returns the output name, for chaining.
    /// </summary>
    public string AddNode(string opType, IReadOnlyList<string> inputs, string output, params (string Name, object Value)[] attributes)
    {
        var node = new NodeProto { OpType = opType, Name = $"{opType}_{_nodeCount++}" };
        node.Input.AddRange(inputs);
        node.Output.Add(output);
        foreach (var (name, value) in attributes)
            node.Attribute.Add(Attribute(name, value));
        _graph.Node.Add(node);
        return output;
    }

    /// <summary>The finished model, importing the default operator set at <paramref name="opsetVersion"/>.</summary>
    public ModelProto Build(long opsetVersion, string producerVersion, IReadOnlyDictionary<string, string>? metadata = null)
    {
        var model = new ModelProto
        {
            IrVersion = IrVersion,
            ProducerName = "Seismic",
            ProducerVersion = producerVersion,
            Graph = _graph.Clone(),
        };
        model.OpsetImport.Add(new OperatorSetIdProto { Domain = "", Version = opsetVersion });
        foreach (var (key, value) in metadata ?? new Dictionary<string, string>())
            model.MetadataProps.Add(new StringStringEntryProto { Key = key, Value = value });
        return model;
    }

    /// <summary>The declaration of a float32 graph input or output; dimensions as for <see cref="AddInput"/>.</summary>
    internal static ValueInfoProto FloatValue(string name, object[] dimensions)
    {
        var shape = new TensorShapeProto();
        foreach (var dimension in dimensions)
        {
            shape.Dim.Add(dimension switch
            {
                long size => new TensorShapeProto.Types.Dimension { DimValue = size },
                int size => new TensorShapeProto.Types.Dimension { DimValue = size },
                string symbol => new TensorShapeProto.Types.Dimension { DimParam = symbol },
                _ => throw new ArgumentException($"dimension {dimension} of {name} is neither a size nor a name", nameof(dimensions)),
            });
        }
        return new ValueInfoProto
        {
            Name = name,
            Type = new TypeProto { TensorType = new TypeProto.Types.Tensor { ElemType = (int)TensorProto.Types.DataType.Float, Shape = shape } },
        };
    }

    private static AttributeProto Attribute(string name, object value)
    {
        var attribute = new AttributeProto { Name = name };
        switch (value)
        {
            case long integer:
                attribute.Type = AttributeProto.Types.AttributeType.Int;
                attribute.I = integer;
                break;
            case int integer:
                attribute.Type = AttributeProto.Types.AttributeType.Int;
                attribute.I = integer;
                break;
            case float real:
                attribute.Type = AttributeProto.Types.AttributeType.Float;
                attribute.F = real;
                break;
            case string text:
                attribute.Type = AttributeProto.Types.AttributeType.String;
                attribute.S = ByteString.CopyFromUtf8(text);
                break;
            case long[] integers:
                attribute.Type = AttributeProto.Types.AttributeType.Ints;
                attribute.Ints.AddRange(integers);
                break;
            case float[] reals:
                attribute.Type = AttributeProto.Types.AttributeType.Floats;
                attribute.Floats.AddRange(reals);
                break;
            default:
                throw new ArgumentException($"attribute {name} has a value of type {value.GetType().Name}, which ONNX attributes here do not take", nameof(value));
        }
        return attribute;
    }
}
