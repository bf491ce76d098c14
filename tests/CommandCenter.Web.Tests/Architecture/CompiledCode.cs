using System.Reflection;
using Mono.Cecil;
using Mono.Cecil.Cil;

namespace CommandCenter.Web.Tests.Architecture;

/// <summary>
/// The product's compiled code read as IL, so a rule can ask which type refers to what, down to
/// method bodies: reflection alone sees signatures, not the calls inside them. Compiler-made
/// types (lambdas, async state machines) count for the type they were written in.
/// </summary>
internal sealed class CompiledCode
{
    private readonly ModuleDefinition _module;

    private CompiledCode(ModuleDefinition module) => _module = module;

    public static CompiledCode Of(Assembly assembly) => new(ModuleDefinition.ReadModule(assembly.Location));

    /// <summary>Every type written in source with the full names of every type its code mentions.</summary>
    public IReadOnlyDictionary<string, HashSet<string>> ReferencesByType() =>
        _module.Types.Where(t => t.Name != "<Module>")
            .ToDictionary(t => t.FullName, t => AllTypesIn(t).SelectMany(ReferencedBy).SelectMany(NamesOf).ToHashSet());

    /// <summary>Every call in a method body: the type written in source that makes it, and the method it calls.</summary>
    public IEnumerable<(string Caller, MethodReference Callee)> Calls() =>
        from type in _module.Types
        from inner in AllTypesIn(type)
        from method in inner.Methods
        where method.HasBody
        from instruction in method.Body.Instructions
        where instruction.OpCode.FlowControl == FlowControl.Call && instruction.Operand is MethodReference
        select (type.FullName, (MethodReference)instruction.Operand);

    private static IEnumerable<TypeDefinition> AllTypesIn(TypeDefinition type) => type.NestedTypes.SelectMany(AllTypesIn).Prepend(type);

    private static IEnumerable<TypeReference> ReferencedBy(TypeDefinition type)
    {
        if (type.BaseType is not null) yield return type.BaseType;
        foreach (var i in type.Interfaces) yield return i.InterfaceType;
        foreach (var f in type.Fields) yield return f.FieldType;
        foreach (var p in type.Properties) yield return p.PropertyType;
        foreach (var m in type.Methods)
        {
            yield return m.ReturnType;
            foreach (var p in m.Parameters) yield return p.ParameterType;
            if (!m.HasBody) continue;
            foreach (var v in m.Body.Variables) yield return v.VariableType;
            foreach (var instruction in m.Body.Instructions)
            {
                switch (instruction.Operand)
                {
                    case TypeReference t:
                        yield return t;
                        break;
                    case MemberReference member:
                        yield return member.DeclaringType;
                        if (member is MethodReference called)
                        {
                            yield return called.ReturnType;
                            foreach (var p in called.Parameters) yield return p.ParameterType;
                            if (called is GenericInstanceMethod generic)
                                foreach (var a in generic.GenericArguments) yield return a;
                        }
                        else if (member is FieldReference field) yield return field.FieldType;
                        break;
                }
            }
        }
    }

    /// <summary>A type's own name and those of its element and generic arguments: <c>IDbContextFactory&lt;X&gt;</c> mentions X.</summary>
    private static IEnumerable<string> NamesOf(TypeReference type) => type switch
    {
        GenericInstanceType generic => generic.GenericArguments.SelectMany(NamesOf).Prepend(generic.ElementType.FullName),
        TypeSpecification wrapped => NamesOf(wrapped.ElementType),
        _ => [type.FullName],
    };
}
