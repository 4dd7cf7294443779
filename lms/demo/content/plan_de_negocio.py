"""Course: Plan de negocio (business model canvas, costs, price, break-even point, pitch)."""

from decimal import Decimal

from lms.demo.content.spec import (
    CourseSpec,
    LessonSpec,
    ModuleSpec,
    QuestionSpec,
    QuizSpec,
    example,
    no,
    text,
    tip,
    warning,
    yes,
)

# --- Question bank -------------------------------------------------------------------------------

Q_VALUE_PROPOSITION = QuestionSpec(
    kind="unica",
    prompt="En el lienzo del modelo de negocio, ¿qué es la propuesta de valor?",
    choices=(
        yes(
            "Lo que hace que tus clientes te prefieran: el problema que les resuelves.",
            "Correcto. Es la razón por la que te compran a ti.",
        ),
        no("El precio más bajo del mercado.", "Un precio bajo puede ser parte, pero no es lo único."),
        no("El dinero que necesitas para empezar.", "Eso es la inversión, no la propuesta de valor."),
        no("La lista de tus proveedores.", "Eso va en socios y recursos clave."),
    ),
    explanation="La propuesta de valor responde: ¿por qué el cliente te compra a ti y no a otro?",
)

Q_FIXED_COST = QuestionSpec(
    kind="multiple",
    prompt="¿Cuáles de estos son costos fijos de un puesto de comida? Marca todas las correctas.",
    choices=(
        yes("El arriendo del local.", "Sí. Lo pagas igual, vendas mucho o poco."),
        yes("El plan mensual del teléfono del negocio.", "Sí. Es el mismo cada mes."),
        no("La harina de cada empanada.", "Es variable: si haces más empanadas, gastas más harina."),
        no("Las fundas para entregar cada pedido.", "Es variable: crece con cada venta."),
    ),
    explanation="Los costos fijos no cambian con lo que vendes; los variables suben con cada unidad.",
)

Q_UNIT_COST = QuestionSpec(
    kind="numerica",
    prompt=(
        "Para hacer 40 tortas pequeñas gastas USD 60 en ingredientes. "
        "¿Cuántos dólares cuesta cada torta en ingredientes?"
    ),
    numeric=Decimal("1.50"),
    tolerance=Decimal("0.01"),
    explanation="60 ÷ 40 = 1,50. Cada torta cuesta USD 1,50 en ingredientes.",
)

Q_BREAK_EVEN = QuestionSpec(
    kind="numerica",
    prompt=(
        "Tus costos fijos son USD 300 al mes. Vendes cada producto a USD 2,50 y cada uno te cuesta "
        "USD 1,00 hacerlo. ¿Cuántos productos debes vender al mes para no perder ni ganar?"
    ),
    numeric=Decimal("200"),
    tolerance=Decimal("1"),
    explanation="Cada venta deja 2,50 - 1,00 = 1,50. Luego 300 ÷ 1,50 = 200 productos al mes.",
)

Q_PRICE = QuestionSpec(
    kind="vf",
    prompt="Para poner el precio basta con copiar el precio de la competencia.",
    choices=(
        no("Verdadero", "No. Si tus costos son más altos, podrías vender y perder dinero."),
        yes("Falso", "Correcto. Primero calcula tus costos; luego mira la competencia y lo que vale para tu cliente."),
    ),
    explanation="El precio se piensa con tres datos: tus costos, la competencia y el valor para el cliente.",
)

Q_PITCH_NAME = QuestionSpec(
    kind="corta",
    prompt=(
        "¿Cómo se llama la presentación corta, de unos 3 minutos, en la que cuentas tu negocio a un "
        "jurado o a posibles clientes?"
    ),
    accepted=("Pitch", "El pitch", "Un pitch", "Discurso de venta", "Presentación de negocio"),
    explanation="Se llama pitch: una presentación corta, clara y convincente de tu negocio.",
)

Q_PITCH_PARTS = QuestionSpec(
    kind="unica",
    prompt="¿Con qué conviene empezar un pitch?",
    choices=(
        yes(
            "Con el problema que resuelves y a quién se lo resuelves.",
            "Correcto. El jurado entiende enseguida por qué tu negocio importa.",
        ),
        no("Con la historia completa de tu vida.", "Tu historia importa, pero en una o dos frases."),
        no("Con una tabla llena de números.", "Los números van después, cuando ya entienden la idea."),
    ),
    explanation="Problema, solución, cliente, cómo ganas dinero, tus números y lo que necesitas.",
)

PRE_TEST = QuizSpec(
    title="Prueba de entrada: plan de negocio",
    kind="pre",
    intro="Responde estas 5 preguntas antes de empezar. No cuenta para tu nota.",
    questions=(Q_VALUE_PROPOSITION, Q_FIXED_COST, Q_UNIT_COST, Q_PRICE, Q_PITCH_PARTS),
)

FINAL_QUIZ = QuizSpec(
    title="Evaluación final: plan de negocio",
    kind="post",
    intro="Responde las 6 preguntas. Apruebas con 60 % o más. Tienes 3 intentos.",
    questions=(Q_VALUE_PROPOSITION, Q_FIXED_COST, Q_UNIT_COST, Q_BREAK_EVEN, Q_PRICE, Q_PITCH_NAME),
)

# --- Lessons -------------------------------------------------------------------------------------

CANVAS = LessonSpec(
    title="El lienzo del modelo de negocio",
    slug="lienzo-modelo-de-negocio",
    minutes=20,
    body=(
        text("""
            <p>Antes de escribir un plan largo, conviene ver tu negocio en una sola hoja. Para eso
            sirve el <b>lienzo del modelo de negocio</b>. Tiene nueve partes. Puedes dibujarlo en
            un papelógrafo y llenarlo con notas.</p>
            <ol>
            <li><b>Clientes:</b> ¿para quién es tu producto?</li>
            <li><b>Propuesta de valor:</b> ¿qué problema les resuelves? ¿Por qué te prefieren?</li>
            <li><b>Canales:</b> ¿cómo llegas a ellos? Tienda, feria, WhatsApp, entregas.</li>
            <li><b>Relación con clientes:</b> ¿cómo los atiendes y cómo haces que vuelvan?</li>
            <li><b>Ingresos:</b> ¿qué vendes, a qué precio y cómo te pagan?</li>
            <li><b>Recursos clave:</b> lo que necesitas: herramientas, local, saberes.</li>
            <li><b>Actividades clave:</b> lo que haces cada día: comprar, producir, vender.</li>
            <li><b>Socios clave:</b> proveedores, cooperativas, organizaciones que te apoyan.</li>
            <li><b>Costos:</b> todo lo que pagas para que el negocio funcione.</li>
            </ol>
            <p>Empieza siempre por los clientes y la propuesta de valor. Si no sabes para quién es
            tu producto, lo demás no encaja.</p>
        """),
        example(
            "Arepas Mi Tierra, en Quito",
            """
            Clientes: trabajadores de oficinas del norte de Quito. Propuesta de valor: desayuno
            caliente, rápido y llenador por USD 2. Canales: un carrito cerca de las oficinas y
            pedidos por WhatsApp. Recursos: plancha, carrito y la receta de la abuela. Socios:
            un proveedor de harina que entrega a domicilio.
        """,
        ),
        tip(
            "Usa notas que se puedan mover",
            """
            Escribe en papelitos y pégalos en el lienzo. Cuando aprendas algo nuevo de tus
            clientes, mueve o cambia las notas. El lienzo es un borrador vivo.
        """,
        ),
    ),
)

CLIENTS_AND_COMPETITION = LessonSpec(
    title="Conoce a tu cliente y a tu competencia",
    slug="cliente-y-competencia",
    minutes=15,
    body=(
        text("""
            <p>Muchos negocios fracasan porque hacen algo que a nadie le falta. Antes de invertir,
            habla con tus posibles clientes y mira a tu competencia.</p>
            <h2>Habla con 10 posibles clientes</h2>
            <p>No preguntes "¿Le gusta mi idea?": casi todos dirán que sí por cortesía. Pregunta por
            lo que hacen hoy:</p>
            <ul>
            <li>"¿Dónde compra esto ahora?"</li>
            <li>"¿Qué es lo que no le gusta de lo que compra?"</li>
            <li>"¿Cuánto paga?"</li>
            </ul>
            <h2>Visita a tu competencia</h2>
            <p>Compra en dos o tres negocios parecidos al tuyo. Anota precios, calidad, atención y
            cuántos clientes tienen. Busca lo que hacen mal: ahí está tu oportunidad.</p>
            <h2>Encuentra tu diferencia</h2>
            <p>Puede ser el sabor de tu país, la entrega a domicilio, un horario distinto, mejor
            atención o un producto hecho a mano. Tu diferencia es la base de tu propuesta de
            valor.</p>
        """),
        example(
            "Servicio técnico en Cuenca",
            """
            Wilmer es técnico de celulares y llegó de Venezuela a Cuenca. Visitó cinco locales
            de reparación y vio que todos tardaban tres días. Habló con estudiantes y
            comerciantes: no podían quedarse tanto tiempo sin teléfono. Ofreció reparaciones
            sencillas en el mismo día. Esa es su diferencia.
        """,
        ),
        warning(
            "Tu familia no es tu mejor encuesta",
            """
            Tu familia te quiere y te dirá que todo está bien. Pregunta también a personas que no
            te conocen.
        """,
        ),
    ),
)

COSTS_AND_PRICE = LessonSpec(
    title="Costos y precio",
    slug="costos-y-precio",
    minutes=20,
    body=(
        text("""
            <p>Para saber cuánto cobrar, primero debes saber cuánto te cuesta. Hay dos tipos de
            costos.</p>
            <h2>Costos fijos</h2>
            <p>Los pagas cada mes aunque vendas poco: arriendo, permiso de funcionamiento, plan del
            teléfono, tu propio sueldo.</p>
            <h2>Costos variables</h2>
            <p>Suben con cada unidad que produces: ingredientes, tela, fundas, empaques.</p>
            <h2>El costo de cada unidad</h2>
            <p>Suma los materiales de una tanda y divide para las unidades que salen. Si 50
            empanadas usan USD 25 en ingredientes, cada una cuesta USD 0,50 en ingredientes.</p>
            <h2>Cómo poner el precio</h2>
            <ol>
            <li>Calcula el costo variable de cada unidad.</li>
            <li>Súmale una parte para cubrir tus costos fijos y tu ganancia.</li>
            <li>Compara con la competencia y con lo que tu cliente está dispuesto a pagar.</li>
            </ol>
            <p>Si tu precio queda muy por encima del mercado, busca bajar costos: comprar por mayor o
            con otras emprendedoras. Si queda muy abajo, pregúntate si estás regalando tu
            trabajo.</p>
        """),
        example(
            "Las empanadas de Milagros",
            """
            Milagros vende empanadas en Ibarra a USD 1. Cada empanada le cuesta USD 0,50 en
            ingredientes y funda. Le quedan USD 0,50 por empanada para pagar el puesto, el gas y
            su sueldo. Antes no contaba el gas ni su tiempo, y creía que ganaba más de lo real.
        """,
        ),
        warning(
            "Tu tiempo también cuesta",
            """
            Si no te pagas un sueldo en tus cuentas, el negocio parece rentable aunque trabajes
            gratis. Incluye tu sueldo en los costos fijos.
        """,
        ),
    ),
)

BREAK_EVEN = LessonSpec(
    title="El punto de equilibrio",
    slug="punto-de-equilibrio",
    minutes=20,
    body=(
        text("""
            <p>El punto de equilibrio es la cantidad que debes vender para <b>no perder ni
            ganar</b>. Por debajo de ese número pierdes dinero. Por encima, empiezas a ganar.</p>
            <h2>Cómo se calcula</h2>
            <p>Primero, calcula cuánto te deja cada venta. Se llama margen por unidad:</p>
            <p><b>margen = precio - costo variable de una unidad</b></p>
            <p>Después, divide tus costos fijos del mes para ese margen:</p>
            <p><b>punto de equilibrio = costos fijos ÷ margen</b></p>
            <h2>Paso a paso</h2>
            <ul>
            <li>Costos fijos del mes: USD 300.</li>
            <li>Precio de venta: USD 1,00. Costo variable: USD 0,50.</li>
            <li>Margen: 1,00 - 0,50 = USD 0,50 por unidad.</li>
            <li>Punto de equilibrio: 300 ÷ 0,50 = 600 unidades al mes.</li>
            </ul>
            <p>Si trabajas 25 días al mes, necesitas vender 24 unidades cada día para cubrir tus
            costos. Cada unidad que vendas después de esas es ganancia.</p>
            <h2>¿Y si no llegas?</h2>
            <p>Tienes tres caminos: bajar tus costos fijos, bajar el costo de cada unidad o subir un
            poco el precio. Prueba con números en tu cuaderno antes de decidir.</p>
        """),
        example(
            "Miel de Loja",
            """
            Don Hernán vende frascos de miel en Loja a USD 6. Cada frasco le cuesta USD 3,50.
            Sus costos fijos son USD 200 al mes. Su margen es USD 2,50, y 200 ÷ 2,50 = 80 frascos.
            Vende 120 al mes: está 40 frascos por encima de su punto de equilibrio.
        """,
        ),
        tip(
            "Una meta diaria",
            """
            Convierte tu punto de equilibrio en una meta diaria y escríbela donde la veas. Es más
            fácil pensar en 24 empanadas al día que en 600 al mes.
        """,
        ),
    ),
)

PITCH = LessonSpec(
    title="Tu pitch en 3 minutos",
    slug="tu-pitch",
    minutes=20,
    body=(
        text("""
            <p>Al final de la incubadora presentarás tu plan de negocio a un jurado. El jurado
            califica la calidad de tu plan y la fuerza de tu presentación. A esa presentación
            corta se le llama <b>pitch</b>.</p>
            <h2>Seis partes, en este orden</h2>
            <ol>
            <li><b>El problema:</b> qué necesidad tienen tus clientes.</li>
            <li><b>Tu solución:</b> tu producto y lo que lo hace diferente.</li>
            <li><b>Tus clientes:</b> quiénes son y cuántos hay cerca de ti.</li>
            <li><b>Cómo ganas dinero:</b> precio, costos y punto de equilibrio.</li>
            <li><b>Lo que ya lograste:</b> ventas, clientes fieles, tu prototipo.</li>
            <li><b>Lo que necesitas:</b> qué comprarías con el capital semilla y para qué. El capital
            se entrega en bienes e insumos, no en efectivo.</li>
            </ol>
            <h2>Cómo prepararte</h2>
            <ul>
            <li>Escribe tu pitch y léelo en voz alta. Quita lo que sobra.</li>
            <li>Practica con un reloj: 3 minutos.</li>
            <li>Ensaya frente a tu familia o tu mentora y pide comentarios.</li>
            <li>Lleva tu producto o una foto. Que el jurado lo vea.</li>
            </ul>
        """),
        example(
            "Un inicio que funciona",
            """
            "En Lago Agrio, las familias gastan mucho en pan que llega de lejos y no está fresco.
            Yo horneo pan fresco cada mañana y lo entrego en bicicleta antes de las 7. Ya tengo 40
            clientes fijos. Con un horno más grande puedo atender a 100".
        """,
        ),
        warning(
            "Cuida tu seguridad",
            """
            No publiques en redes sociales si ganaste capital semilla, cuánto recibiste ni cuándo te
            lo entregan. Compártelo solo con personas de confianza.
        """,
        ),
    ),
)

COURSE = CourseSpec(
    title="Plan de negocio",
    slug="plan-de-negocio",
    track="emprendimiento",
    summary=(
        "Ordena tu idea en el lienzo del modelo de negocio, calcula tus costos, tu precio y tu punto de "
        "equilibrio, y prepara tu pitch para presentarlo al jurado."
    ),
    outcomes=(
        "Describir tu negocio en el lienzo del modelo de negocio",
        "Conocer a tus clientes y encontrar tu diferencia frente a la competencia",
        "Separar costos fijos y variables y poner un precio justo",
        "Calcular tu punto de equilibrio",
        "Presentar tu plan en un pitch de 3 minutos",
    ),
    hours=Decimal("8"),
    modules=(
        ModuleSpec(
            title="Tu modelo de negocio",
            slug="tu-modelo-de-negocio",
            intro="Mira tu negocio en una sola hoja y conoce a tus clientes.",
            lessons=(CANVAS, CLIENTS_AND_COMPETITION),
        ),
        ModuleSpec(
            title="Los números de tu negocio",
            slug="los-numeros",
            intro="Costos, precio y punto de equilibrio, con ejemplos paso a paso.",
            lessons=(COSTS_AND_PRICE, BREAK_EVEN),
        ),
        ModuleSpec(
            title="Presenta tu plan",
            slug="presenta-tu-plan",
            intro="Prepara tu pitch para el jurado.",
            lessons=(PITCH,),
            requires_previous=True,
        ),
    ),
    pre_test=PRE_TEST,
    final_quiz=FINAL_QUIZ,
)
