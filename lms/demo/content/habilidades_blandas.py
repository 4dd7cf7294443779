"""Course: Habilidades blandas para emprender (communication, teamwork, leadership)."""

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

Q_ACTIVE_LISTENING = QuestionSpec(
    kind="corta",
    prompt=(
        "Escuchar con atención, sin interrumpir, y repetir con tus palabras lo que entendiste. "
        "¿Cómo se llama esta forma de escuchar?"
    ),
    accepted=("Escucha activa", "La escucha activa", "Escuchar activamente", "Escucha atenta"),
    explanation="Se llama escucha activa: la otra persona siente que la entiendes.",
)

Q_COMPLAINT = QuestionSpec(
    kind="unica",
    prompt="Una clienta llega molesta porque su pedido llegó tarde. ¿Qué haces primero?",
    choices=(
        yes(
            "La escucho sin interrumpir y le digo que entiendo su molestia.",
            "Correcto. Primero escuchar; después buscar una solución.",
        ),
        no(
            "Le explico que la culpa fue del transporte.",
            "Explicar está bien después. Si empiezas con excusas, la clienta se molesta más.",
        ),
        no("Le digo que no es para tanto.", "Eso quita valor a lo que siente. Pierdes a la clienta."),
        no("No le respondo hasta que se calme sola.", "El silencio parece falta de interés."),
    ),
    explanation="Escucha, reconoce el problema, ofrece una solución y cumple lo que prometes.",
)

Q_CLEAR_MESSAGE = QuestionSpec(
    kind="vf",
    prompt="Un mensaje largo y con muchas palabras difíciles da una mejor imagen de tu negocio.",
    choices=(
        no("Verdadero", "No. Un mensaje largo y difícil confunde y cansa."),
        yes("Falso", "Correcto. Frases cortas y claras se entienden mejor."),
    ),
    explanation="Habla y escribe corto y claro: una idea por frase.",
)

Q_TEAM_AGREEMENTS = QuestionSpec(
    kind="multiple",
    prompt="¿Qué ayuda a que un equipo trabaje bien? Marca todas las respuestas correctas.",
    choices=(
        yes("Que cada persona sepa cuál es su tarea.", "Sí. Los roles claros evitan choques."),
        yes("Tener acuerdos escritos sobre dinero y horarios.", "Sí. Los acuerdos claros evitan peleas."),
        yes("Reunirse un momento cada semana para revisar.", "Sí. Así se corrigen los problemas a tiempo."),
        no("Que una sola persona decida todo sin consultar.", "Eso desanima al resto del equipo."),
    ),
    explanation="Roles claros, acuerdos escritos y reuniones cortas hacen fuerte a un equipo.",
)

Q_LEADER = QuestionSpec(
    kind="unica",
    prompt="¿Qué hace una buena líder en un emprendimiento?",
    choices=(
        yes(
            "Da el ejemplo, escucha al equipo y reparte las tareas.",
            "Correcto. Liderar es guiar y acompañar, no mandar.",
        ),
        no("Grita para que todos trabajen más rápido.", "El miedo no motiva; el equipo se va."),
        no("Hace todo sola para que salga perfecto.", "Así te agotas y el equipo no aprende."),
    ),
    explanation="Liderar es dar el ejemplo, escuchar y delegar con confianza.",
)

Q_CONFLICT = QuestionSpec(
    kind="vf",
    prompt="En un equipo, los desacuerdos se resuelven mejor hablando del problema y no atacando a la persona.",
    choices=(
        yes("Verdadero", "Correcto. Habla de los hechos, no de la persona."),
        no("Falso", "Atacar a la persona rompe la confianza. Habla del problema."),
    ),
    explanation="Habla de hechos concretos y busquen juntos una solución.",
)

Q_DELEGATE = QuestionSpec(
    kind="unica",
    prompt="Delegar una tarea quiere decir:",
    choices=(
        yes(
            "Confiar una tarea a otra persona, explicarla bien y revisar el resultado.",
            "Correcto. Delegar no es olvidarse de la tarea.",
        ),
        no(
            "Pasar a otra persona las tareas que no te gustan, sin explicar nada.",
            "Sin explicación, la tarea sale mal y la persona se frustra.",
        ),
        no("Hacer tú misma todas las tareas importantes.", "Eso es no delegar."),
    ),
    explanation="Delegar es confiar, explicar y acompañar.",
)

PRE_TEST = QuizSpec(
    title="Prueba de entrada: habilidades blandas",
    kind="pre",
    intro="Responde estas 4 preguntas antes de empezar. No cuenta para tu nota: nos dice desde dónde partes.",
    questions=(Q_COMPLAINT, Q_CLEAR_MESSAGE, Q_TEAM_AGREEMENTS, Q_LEADER),
)

FINAL_QUIZ = QuizSpec(
    title="Evaluación final: habilidades blandas",
    kind="post",
    intro="Responde las 6 preguntas. Apruebas con 60 % o más. Tienes 3 intentos.",
    questions=(Q_ACTIVE_LISTENING, Q_COMPLAINT, Q_TEAM_AGREEMENTS, Q_CONFLICT, Q_LEADER, Q_DELEGATE),
)

# --- Lessons -------------------------------------------------------------------------------------

LISTEN_AND_SPEAK = LessonSpec(
    title="Escuchar y hablar con claridad",
    slug="escuchar-y-hablar",
    minutes=15,
    body=(
        text("""
            <p>En un negocio hablas todo el día: con clientes, con proveedores, con tu familia y con
            tu equipo. Comunicarte bien te ayuda a vender más y a tener menos problemas.</p>
            <h2>Primero, escucha</h2>
            <p>Escuchar no es solo quedarse callado. Es poner atención de verdad. A esto se le
            llama <b>escucha activa</b>:</p>
            <ul>
            <li>Mira a la persona y deja el celular a un lado.</li>
            <li>No interrumpas. Deja que termine su idea.</li>
            <li>Haz preguntas: "¿Qué color lo necesita?", "¿Para cuándo?".</li>
            <li>Repite con tus palabras lo que entendiste: "Entonces necesita 50 empanadas para el
            sábado a las 10, ¿cierto?".</li>
            </ul>
            <h2>Después, habla claro</h2>
            <ul>
            <li>Usa frases cortas. Una idea por frase.</li>
            <li>Di las cosas importantes primero: precio, fecha y lugar.</li>
            <li>Usa palabras sencillas. Evita palabras que la otra persona no conoce.</li>
            <li>Cuida tu tono. Un saludo amable abre puertas.</li>
            </ul>
        """),
        example(
            "Andreína, en Cuenca",
            """
            Andreína hace tortas por encargo en Cuenca. Antes tomaba los pedidos rápido, por
            teléfono, y a veces se equivocaba de sabor. Ahora repite el pedido al final y lo
            envía por escrito: "Torta de chocolate, 20 porciones, sábado 3 de la tarde, USD 25".
            Desde entonces no ha tenido reclamos.
        """,
        ),
        tip(
            "Por escrito, mejor",
            """
            Después de una conversación importante, envía un mensaje corto con lo acordado. Así
            las dos personas tienen la misma información.
        """,
        ),
        warning(
            "Las palabras de tu país",
            """
            Si vienes de otro país, algunas palabras cambian de sentido en Ecuador. Si ves una
            cara de duda, pregunta con confianza: "¿Me expliqué bien?".
        """,
        ),
    ),
)

CUSTOMERS = LessonSpec(
    title="Hablar con tus clientes y resolver quejas",
    slug="clientes-y-quejas",
    minutes=15,
    body=(
        text("""
            <p>Un cliente contento vuelve y te recomienda. Un cliente molesto se va y lo cuenta a
            muchas personas. Por eso vale la pena aprender a atender bien, sobre todo cuando hay
            un problema.</p>
            <h2>Atender bien todos los días</h2>
            <ul>
            <li>Saluda siempre y, si puedes, llama a la persona por su nombre.</li>
            <li>Responde los mensajes pronto, aunque sea para decir "ya le confirmo".</li>
            <li>Cumple lo que prometes. Si no puedes, avisa antes.</li>
            </ul>
            <h2>Cuando hay una queja: 4 pasos</h2>
            <ol>
            <li><b>Escucha</b> sin interrumpir y sin defenderte.</li>
            <li><b>Reconoce</b> lo que siente: "Tiene razón en estar molesta. Entiendo".</li>
            <li><b>Ofrece una solución</b>: cambiar el producto, un descuento o una nueva fecha.</li>
            <li><b>Cumple</b> y, después, pregunta si quedó contenta.</li>
            </ol>
            <p>Una queja bien resuelta puede convertir a un cliente molesto en tu mejor cliente.</p>
        """),
        example(
            "Jhon, en Ibarra",
            """
            Jhon tiene una pequeña tienda de ropa en Ibarra. Un cliente volvió porque el cierre de
            una chompa se dañó al segundo día. Jhon lo escuchó, se disculpó y le cambió la chompa
            en ese momento. El cliente regresó la semana siguiente con su hermano, y los dos
            compraron.
        """,
        ),
        warning(
            "No discutas en público",
            """
            Si alguien reclama en la tienda o en redes sociales, responde con calma y ofrece
            hablar en privado. Una pelea en público daña tu imagen.
        """,
        ),
        tip(
            "Aprende de las quejas",
            """
            Anota cada queja en tu cuaderno. Si la misma se repite, hay algo que mejorar en tu
            producto o en tu servicio.
        """,
        ),
    ),
)

TEAMWORK = LessonSpec(
    title="Trabajo en equipo",
    slug="trabajo-en-equipo",
    minutes=15,
    body=(
        text("""
            <p>Casi nadie emprende solo. Trabajas con tu familia, con un socio, con una asociación
            o con vecinos de tu caja de ahorro. Un equipo unido logra más que una persona
            sola.</p>
            <h2>Tres claves de un buen equipo</h2>
            <ol>
            <li><b>Roles claros.</b> Cada persona sabe qué le toca: comprar, producir, vender,
            llevar las cuentas.</li>
            <li><b>Acuerdos escritos.</b> Escriban cómo se reparten las ganancias, los horarios y
            qué pasa si alguien quiere salir. Los acuerdos evitan peleas, también en familia.</li>
            <li><b>Reuniones cortas.</b> Una vez por semana, 20 minutos: qué salió bien, qué salió
            mal y qué hacemos ahora.</li>
            </ol>
            <h2>Juntos pueden más</h2>
            <p>Cuando varias personas se asocian, pueden comprar al por mayor más barato, compartir
            un puesto en la feria o vender a clientes más grandes. Personas migrantes y
            ecuatorianas que trabajan juntas suman contactos, ideas y saberes distintos.</p>
        """),
        example(
            "Las bordadoras de Lago Agrio",
            """
            Cinco mujeres, tres colombianas y dos ecuatorianas, bordaban cada una en su casa. Se
            juntaron: una compra los hilos por mayor, dos bordan, una cose y otra vende en la
            feria y por WhatsApp. Anotaron sus acuerdos en un cuaderno. Ahora producen el doble y
            gastan menos en materiales.
        """,
        ),
        tip(
            "Reconoce el trabajo de los demás",
            """
            Un "gracias" o un "te quedó muy bien" cuesta poco y mantiene al equipo con ganas.
        """,
        ),
        warning(
            "El dinero y la confianza",
            """
            Aunque sean familia o amigos, lleven las cuentas claras y a la vista de todos. La
            falta de claridad con el dinero rompe muchos equipos.
        """,
        ),
    ),
)

LEADERSHIP = LessonSpec(
    title="Liderazgo: guiar con el ejemplo",
    slug="liderazgo",
    minutes=15,
    body=(
        text("""
            <p>Liderar no es mandar. Una buena líder guía al equipo hacia una meta y hace que cada
            persona dé lo mejor. No necesitas un título: si tienes un emprendimiento, ya eres
            líder.</p>
            <h2>Lo que hace una buena líder</h2>
            <ul>
            <li><b>Da el ejemplo.</b> Llega a tiempo, cumple y trata bien a todos.</li>
            <li><b>Comparte la meta.</b> "Este mes queremos vender 300 almuerzos". Todos saben hacia
            dónde van.</li>
            <li><b>Delega.</b> Confía tareas a otras personas, las explica bien y revisa el
            resultado, sin hacer todo ella misma.</li>
            <li><b>Escucha.</b> Pide ideas al equipo. Muchas veces quien está en la cocina o en la
            venta ve cosas que tú no ves.</li>
            </ul>
            <h2>Cuando hay un conflicto</h2>
            <ol>
            <li>Hablen en privado y con calma.</li>
            <li>Hablen de hechos, no de la persona: "El pedido salió tarde dos veces", no "eres un
            irresponsable".</li>
            <li>Busquen juntos una solución y pónganse de acuerdo en el siguiente paso.</li>
            </ol>
        """),
        example(
            "Doña Rosario, en Loja",
            """
            Doña Rosario tiene un comedor en Loja con tres trabajadoras, una de ellas venezolana.
            Antes decidía todo sola y terminaba agotada. Ahora cada lunes reúne al equipo diez
            minutos. Una trabajadora propuso vender almuerzos por WhatsApp a las oficinas
            cercanas. Las ventas subieron y el equipo está más contento.
        """,
        ),
        tip(
            "Cuida también a la líder",
            """
            Liderar cansa. Descansa, pide ayuda y busca a otras emprendedoras para compartir
            experiencias. Un grupo de apoyo te da fuerza.
        """,
        ),
    ),
)

COURSE = CourseSpec(
    title="Habilidades blandas para emprender",
    slug="habilidades-blandas",
    track="blandas",
    summary=(
        "Comunícate mejor con tus clientes, trabaja en equipo y aprende a liderar tu emprendimiento. "
        "Lecciones cortas con ejemplos de emprendedoras y emprendedores de Quito, Cuenca, Loja, "
        "Ibarra y Lago Agrio."
    ),
    outcomes=(
        "Escuchar con atención y hablar claro con clientes y proveedores",
        "Resolver una queja en cuatro pasos",
        "Organizar un equipo con roles y acuerdos escritos",
        "Liderar con el ejemplo, delegar y manejar un conflicto",
    ),
    hours=Decimal("5"),
    modules=(
        ModuleSpec(
            title="Comunicarte mejor",
            slug="comunicarte-mejor",
            intro="Escucha, habla claro y atiende bien a tus clientes.",
            lessons=(LISTEN_AND_SPEAK, CUSTOMERS),
        ),
        ModuleSpec(
            title="Trabajar con otras personas",
            slug="trabajar-con-otras-personas",
            intro="Forma un buen equipo y lidéralo con el ejemplo.",
            lessons=(TEAMWORK, LEADERSHIP),
        ),
    ),
    pre_test=PRE_TEST,
    final_quiz=FINAL_QUIZ,
)
