package com.onboarding.engine;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.camunda.bpm.impl.juel.Builder;
import org.camunda.bpm.impl.juel.FunctionNode;
import org.camunda.bpm.impl.juel.IdentifierNode;
import org.camunda.bpm.impl.juel.Tree;
import org.camunda.bpm.impl.juel.TreeBuilderException;
import org.springframework.beans.BeanUtils;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/**
 * What a model needs from the code, and what of it is missing: the beans its expressions and delegates name (with
 * the properties and methods they use), the process variables and functions they read, the Camunda Forms its tasks
 * refer to, the messages it waits for. Each missing piece is a sentence naming the element. The test of every model
 * in bpmn/ asks here, and so does the start-up check of every deployed version that still has running instances
 * ({@link ModelGuard}): a delegate renamed in the code fails there, not weeks later in a running invitation.
 */
public final class ModelBindings {

    private static final String BPMN = "http://www.omg.org/spec/BPMN/20100524/MODEL";
    private static final String CAMUNDA = "http://camunda.org/schema/1.0/bpmn";
    /** Camunda's own functions in expressions (CommandContextFunctions, DateTimeFunctions). */
    private static final Set<String> ENGINE_FUNCTIONS = Set.of("currentUser", "currentUserGroups", "now", "dateTime");
    /** Names the engine itself binds in expressions. */
    private static final Set<String> ENGINE_NAMES = Set.of("execution", "task", "externalTask", "authenticatedUserId",
            "true", "false", "null", "empty");
    private static final Pattern QUOTED = Pattern.compile("'([^']*)'");

    /**
     * What the code offers: the type of a bean by its name (null: no such bean), the variables the processes declare,
     * the messages they correlate, the forms at hand, and the language suffixes of forms (a formRef expression such
     * as {@code tasklistForms.inReadersLanguage('x')} needs x and each x&lt;suffix&gt;).
     */
    public record Code(Function<String, Class<?>> beanType, Set<String> variables, Set<String> messages,
            Set<String> forms, Collection<String> formSuffixes) {
    }

    private ModelBindings() {
    }

    /** Every reference of the model (its XML) that the code does not offer, one sentence each; empty: all resolve. */
    public static List<String> unresolved(String modelXml, Code code) {
        Document document = parse(modelXml);
        Set<String> problems = new LinkedHashSet<>();
        walk(document.getDocumentElement(), code, problems);
        return new ArrayList<>(problems);
    }

    private static void walk(Element element, Code code, Set<String> problems) {
        String where = describe(element);
        if (BPMN.equals(element.getNamespaceURI()) && "message".equals(element.getLocalName())) {
            String message = element.getAttribute("name");
            if (!code.messages().contains(message)) {
                problems.add("The message '" + message + "' is correlated by no code.");
            }
        }
        NamedNodeMap attributes = element.getAttributes();
        for (int i = 0; i < attributes.getLength(); i++) {
            Attr attribute = (Attr) attributes.item(i);
            String value = attribute.getValue();
            if (CAMUNDA.equals(attribute.getNamespaceURI()) && "formRef".equals(attribute.getLocalName())) {
                forms(value, code).forEach(form -> problems.add(where + " refers to the form '" + form
                        + "', which is not there."));
            }
            if (value.contains("${") || value.contains("#{")) {
                expression(value, where, code, problems);
            }
        }
        for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child.getNodeType() == Node.TEXT_NODE || child.getNodeType() == Node.CDATA_SECTION_NODE) {
                String text = child.getNodeValue().strip();
                if (text.contains("${") || text.contains("#{")) {
                    expression(text, where, code, problems);
                }
            } else if (child instanceof Element childElement
                    && !"documentation".equals(childElement.getLocalName())) {
                walk(childElement, code, problems);
            }
        }
    }

    /** The forms a formRef needs that are not there. */
    private static List<String> forms(String formRef, Code code) {
        List<String> needed = new ArrayList<>();
        if (formRef.contains("${")) {
            Matcher quoted = QUOTED.matcher(formRef);
            while (quoted.find()) {
                for (String suffix : code.formSuffixes()) {
                    needed.add(quoted.group(1) + suffix);
                }
            }
        } else {
            needed.add(formRef);
        }
        return needed.stream().filter(form -> !code.forms().contains(form)).toList();
    }

    private static void expression(String expression, String where, Code code, Set<String> problems) {
        Tree tree;
        try {
            tree = new Builder(Builder.Feature.METHOD_INVOCATIONS, Builder.Feature.VARARGS).build(expression);
        } catch (TreeBuilderException e) {
            problems.add(where + ": the expression " + expression + " does not parse (" + e.getMessage() + ").");
            return;
        }
        for (FunctionNode function : tree.getFunctionNodes()) {
            if (!ENGINE_FUNCTIONS.contains(function.getName())) {
                problems.add(where + ": the expression " + expression + " calls '" + function.getName()
                        + "()', which the engine does not offer.");
            }
        }
        for (IdentifierNode identifier : tree.getIdentifierNodes()) {
            String name = identifier.getName();
            Class<?> bean = code.beanType().apply(name);
            if (bean != null) {
                members(expression, name).stream().filter(member -> !hasMember(bean, member))
                        .forEach(member -> problems.add(where + ": the expression " + expression + " uses '" + name
                                + "." + member + "', which " + bean.getSimpleName() + " does not have."));
            } else if (!code.variables().contains(name) && !ENGINE_NAMES.contains(name)) {
                problems.add(where + ": the expression " + expression + " reads '" + name
                        + "', which is neither a bean nor a declared process variable.");
            }
        }
    }

    /** The properties and methods an expression uses right after a bean's name ({@code bean.member}). */
    private static List<String> members(String expression, String bean) {
        Matcher member = Pattern.compile("(?<![\\w.])" + Pattern.quote(bean) + "\\s*\\.\\s*([A-Za-z_]\\w*)")
                .matcher(expression);
        List<String> found = new ArrayList<>();
        while (member.find()) {
            found.add(member.group(1));
        }
        return found;
    }

    private static boolean hasMember(Class<?> type, String member) {
        if (BeanUtils.getPropertyDescriptor(type, member) != null) {
            return true;
        }
        for (var method : type.getMethods()) {
            if (method.getName().equals(member)) {
                return true;
            }
        }
        return false;
    }

    /** An element by its name or id; an extension without either (a listener, a timer) by the element it is in. */
    private static String describe(Element element) {
        Node owner = element;
        while (owner instanceof Element named && named.getAttribute("name").isEmpty()
                && named.getAttribute("id").isEmpty()) {
            owner = named.getParentNode();
        }
        if (!(owner instanceof Element named)) {
            return element.getLocalName();
        }
        String label = named.getAttribute("name").isEmpty() ? named.getAttribute("id") : "'" + named.getAttribute("name") + "'";
        return owner == element ? label : label + " (" + element.getLocalName() + ")";
    }

    private static Document parse(String xml) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalArgumentException("Not a model: " + e.getMessage(), e);
        }
    }
}
