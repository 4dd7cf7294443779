"""Course: Marketing digital y fotografía de producto (phone photos, social media, WhatsApp Business)."""

from decimal import Decimal

from lms.demo.content.spec import (
    CourseSpec,
    LessonSpec,
    ModuleSpec,
    QuestionSpec,
    QuizSpec,
    example,
    image,
    no,
    text,
    tip,
    warning,
    yes,
)

PRODUCT_PHOTO = "foto-de-producto"

# --- Question bank -------------------------------------------------------------------------------

Q_LIGHT = QuestionSpec(
    kind="unica",
    prompt="¿Cuál es la mejor luz para tomar fotos de tus productos con el celular?",
    choices=(
        yes("La luz natural de una ventana, de día.", "Correcto. Es suave, gratis y muestra los colores reales."),
        no("El flash del celular, de noche.", "El flash crea brillos y sombras duras."),
        no("Un foco amarillo del techo.", "La luz amarilla cambia los colores del producto."),
        no("El sol directo del mediodía.", "El sol directo hace sombras muy fuertes."),
    ),
    explanation="Usa la luz de una ventana, de día. Si el sol es muy fuerte, tápalo con una cortina blanca.",
)

Q_BACKGROUND = QuestionSpec(
    kind="vf",
    prompt="Un fondo limpio y sencillo ayuda a que tu producto se vea mejor en la foto.",
    choices=(
        yes("Verdadero", "Correcto. Sin distracciones, el cliente mira el producto."),
        no("Falso", "Un fondo lleno de cosas distrae. Mejor un fondo limpio."),
    ),
    explanation="Una cartulina blanca, una tela lisa o una mesa de madera funcionan muy bien.",
)

Q_WHATSAPP_TOOLS = QuestionSpec(
    kind="multiple",
    prompt="¿Qué herramientas tiene WhatsApp Business? Marca todas las respuestas correctas.",
    choices=(
        yes("Un catálogo con fotos y precios.", "Sí. Tus clientes ven tus productos sin salir del chat."),
        yes("Respuestas rápidas para las preguntas de siempre.", "Sí. Ahorras tiempo."),
        yes("Un perfil con horario y dirección.", "Sí. Da confianza a tus clientes."),
        no(
            "Publicidad gratis a todos los números del país.",
            "No existe. Y escribir a quien no te dio permiso molesta.",
        ),
    ),
    explanation="Catálogo, respuestas rápidas, etiquetas y perfil de empresa: úsalos todos.",
)

Q_SPAM = QuestionSpec(
    kind="vf",
    prompt="Es buena idea agregar a un grupo de ventas a todos tus contactos sin preguntarles.",
    choices=(
        no("Verdadero", "No. Mucha gente se molesta y te bloquea."),
        yes("Falso", "Correcto. Pide permiso primero. Así te leen con gusto."),
    ),
    explanation="Pide permiso antes de enviar ofertas. Respeta a quien dice que no.",
)

Q_CONVERSION = QuestionSpec(
    kind="numerica",
    prompt=(
        "Tu publicación de jugos naturales la vieron 200 personas y 10 te escribieron para pedir. "
        "¿Qué porcentaje de las personas te escribió? Escribe solo el número."
    ),
    numeric=Decimal("5"),
    tolerance=Decimal("0.5"),
    explanation="10 de 200 es 10 ÷ 200 = 0,05, es decir 5 %.",
)

Q_IDEAL_CLIENT = QuestionSpec(
    kind="corta",
    prompt=(
        "Antes de publicar, piensas en la persona que más compra tu producto: su edad, dónde vive, "
        "qué le gusta. ¿Cómo se llama esa persona en marketing?"
    ),
    accepted=("Cliente ideal", "El cliente ideal", "La clienta ideal", "Público objetivo", "Cliente objetivo"),
    explanation="Es tu cliente ideal. Si sabes a quién le hablas, tus publicaciones funcionan mejor.",
)

Q_POSTING = QuestionSpec(
    kind="unica",
    prompt="¿Qué funciona mejor en las redes sociales de un negocio pequeño?",
    choices=(
        yes(
            "Publicar con constancia, por ejemplo 3 veces por semana, y responder rápido.",
            "Correcto. La constancia construye confianza.",
        ),
        no("Publicar 20 veces un día y luego nada por un mes.", "Así tus clientes se olvidan de ti."),
        no("Publicar solo precios, sin fotos.", "Sin fotos, casi nadie se detiene a mirar."),
    ),
    explanation="Publica seguido, con buenas fotos, y contesta los mensajes pronto.",
)

PRE_TEST = QuizSpec(
    title="Prueba de entrada: marketing digital",
    kind="pre",
    intro="Antes de empezar, responde estas 4 preguntas. Es para saber cuánto sabes hoy.",
    questions=(Q_LIGHT, Q_BACKGROUND, Q_POSTING, Q_WHATSAPP_TOOLS),
)

FINAL_QUIZ = QuizSpec(
    title="Evaluación final: marketing digital",
    kind="post",
    intro="Responde las 6 preguntas. Apruebas con 60 % o más. Tienes 3 intentos.",
    questions=(Q_LIGHT, Q_IDEAL_CLIENT, Q_POSTING, Q_CONVERSION, Q_WHATSAPP_TOOLS, Q_SPAM),
)

# --- Lessons -------------------------------------------------------------------------------------

PHONE_PHOTOS = LessonSpec(
    title="Fotos de producto con tu celular",
    slug="fotos-con-el-celular",
    minutes=15,
    body=(
        text("""
            <p>En internet, el cliente no puede tocar tu producto. Solo ve la foto. Una buena foto
            vende; una foto oscura o borrosa espanta. No necesitas una cámara cara: tu celular
            basta si sigues estos pasos.</p>
            <h2>1. Busca buena luz</h2>
            <p>Ponte junto a una ventana, de día. La luz natural muestra los colores reales. No uses
            el flash. Si el sol entra muy fuerte, tápalo con una cortina blanca o una sábana.</p>
            <h2>2. Usa un fondo limpio</h2>
            <p>Una cartulina blanca, una tela lisa o una mesa de madera. Quita todo lo que distrae:
            cables, ropa, platos.</p>
            <h2>3. Limpia el lente</h2>
            <p>El lente del celular suele tener grasa de los dedos. Límpialo con una tela suave antes
            de cada sesión.</p>
            <h2>4. Toma varias fotos</h2>
            <p>Toma el producto de frente, de lado y de cerca, para mostrar detalles. Incluye una foto
            con una mano o en uso, para que se vea el tamaño.</p>
        """),
        image(
            PRODUCT_PHOTO,
            "Un frasco de ají con etiqueta, sobre una mesa de madera, junto a una ventana.",
            "Luz de ventana, fondo limpio y el producto al centro.",
        ),
        example(
            "Alejandro, en Quito",
            """
            Alejandro hace cerámica en su taller de Quito. Sus primeras fotos eran de noche, con
            el foco de la cocina. Las tazas se veían amarillas. Ahora las fotografía a las 10 de
            la mañana junto a la ventana, sobre una tabla de madera. Sus clientes dicen que las
            tazas "se ven igual que en persona".
        """,
        ),
        tip(
            "Un estudio casero",
            """
            Dobla una cartulina blanca grande en forma de "L": una parte es el piso y otra la
            pared. Pon el producto en el centro, cerca de la ventana. Tienes un estudio por menos
            de USD 1.
        """,
        ),
    ),
)

EDIT_PHOTOS = LessonSpec(
    title="Edita y ordena tus fotos",
    slug="edita-y-ordena-tus-fotos",
    minutes=15,
    body=(
        text("""
            <p>Una pequeña edición mejora mucho una foto. Puedes hacerlo con el editor que ya
            trae tu celular, sin pagar nada.</p>
            <h2>Tres ajustes que bastan</h2>
            <ol>
            <li><b>Recorta</b>: deja el producto en el centro y quita lo que sobra.</li>
            <li><b>Endereza</b>: que la mesa y los bordes se vean rectos.</li>
            <li><b>Sube un poco el brillo</b> si la foto quedó oscura.</li>
            </ol>
            <p>No uses filtros fuertes. Si el color de la foto no es el real, el cliente se
            decepciona cuando recibe el producto y puede pedir que le devuelvas su dinero.</p>
            <h2>Ordena tu catálogo</h2>
            <p>Crea en tu celular un álbum para cada tipo de producto, por ejemplo "Collares",
            "Aretes" y "Pulseras". Guarda solo las mejores fotos. Así respondes rápido cuando un
            cliente te pide ver modelos.</p>
            <h2>Cuida tus datos</h2>
            <p>Las fotos pesan. Si tienes pocos datos móviles, súbelas cuando tengas wifi, por
            ejemplo en el Centro de Inclusión Económica o en una biblioteca.</p>
        """),
        example(
            "Yuleidy, en Loja",
            """
            Yuleidy vende bisutería en Loja. Antes enviaba 30 fotos desordenadas a cada cliente y
            muchos no respondían. Ahora tiene un álbum por modelo, con 3 fotos bien recortadas
            de cada pieza y el precio escrito en el mensaje. Responde más rápido y vende más.
        """,
        ),
        warning(
            "Fotos de otras personas",
            """
            No uses fotos de internet ni de otros negocios. Es engañoso para el cliente y puede
            traerte problemas. Muestra siempre tu producto real.
        """,
        ),
        tip(
            "Una foto, un mensaje",
            """
            Acompaña cada foto con el nombre del producto, el precio en dólares y cómo
            pedirlo. Por ejemplo: "Collar de semillas, USD 8. Escríbeme para tu pedido".
        """,
        ),
    ),
)

SOCIAL_MEDIA = LessonSpec(
    title="Redes sociales para tu negocio",
    slug="redes-sociales",
    minutes=20,
    body=(
        text("""
            <p>Facebook, Instagram y TikTok son vitrinas gratuitas. Pero no basta con abrir una
            cuenta: hay que saber a quién le hablas y publicar con constancia.</p>
            <h2>Conoce a tu cliente ideal</h2>
            <p>Piensa en la persona que más te compra. ¿Es mujer u hombre? ¿Qué edad tiene? ¿Dónde
            vive? ¿Qué le preocupa? Escribe y publica pensando en esa persona.</p>
            <h2>Qué publicar</h2>
            <ul>
            <li>Fotos de tus productos, con precio.</li>
            <li>Cómo los haces: un video corto de tu taller o tu cocina genera confianza.</li>
            <li>Opiniones de clientes contentos, con su permiso.</li>
            <li>Consejos útiles: cómo usar o cuidar tu producto.</li>
            </ul>
            <h2>Cuándo publicar</h2>
            <p>Mejor 3 veces por semana todas las semanas que 20 veces un día y después nada. Mira
            a qué hora responden más tus clientes y publica a esa hora.</p>
            <h2>Mide lo que pasa</h2>
            <p>Anota cuántas personas vieron tu publicación y cuántas te escribieron. Si 200 la vieron
            y 10 te escribieron, respondió el 5 %. Compara semana a semana y repite lo que
            funciona.</p>
        """),
        example(
            "Jugos Doña Fanny, en Ibarra",
            """
            Fanny vende jugos naturales cerca de un colegio en Ibarra. Empezó a publicar en
            Facebook cada lunes, miércoles y viernes a las 7 de la mañana, con fotos de los
            jugos del día. Los padres de familia empezaron a hacer pedidos para el recreo. En dos
            meses duplicó sus ventas de la mañana.
        """,
        ),
        tip(
            "Responde rápido",
            """
            Un mensaje que esperas un día en contestar es, muchas veces, una venta perdida.
        """,
        ),
    ),
)

WHATSAPP_BUSINESS = LessonSpec(
    title="Vende con WhatsApp Business",
    slug="whatsapp-business",
    minutes=20,
    body=(
        text("""
            <p>WhatsApp es la herramienta que más usan tus clientes. WhatsApp Business es una
            aplicación gratuita, hecha para negocios pequeños. Puedes usarla con un número
            distinto al personal.</p>
            <h2>Configura tu perfil</h2>
            <p>Pon el nombre de tu negocio, una foto o logo, tu horario, tu dirección o zona de
            entrega y una descripción corta: "Empanadas y pan venezolano en Quito norte. Pedidos
            con un día de anticipación".</p>
            <h2>Usa sus herramientas</h2>
            <ul>
            <li><b>Catálogo:</b> sube tus productos con foto, precio y descripción.</li>
            <li><b>Respuestas rápidas:</b> guarda textos para las preguntas de siempre, como
            precios o formas de pago.</li>
            <li><b>Mensaje de bienvenida y de ausencia:</b> responde aunque estés ocupada.</li>
            <li><b>Etiquetas:</b> marca los chats como "Nuevo pedido", "Pagado" o "Entregado".</li>
            <li><b>Estados:</b> muestra tus novedades cada día a tus contactos.</li>
            </ul>
            <h2>Respeta a tus clientes</h2>
            <p>Pide permiso antes de enviar ofertas o de agregar a alguien a un grupo. Si alguien
            te pide que no le escribas, respeta su decisión.</p>
        """),
        example(
            "Camila, en Lago Agrio",
            """
            Camila vende ropa de niños en Lago Agrio. Subió 15 productos a su catálogo y creó
            respuestas rápidas para tallas y precios. Ahora atiende tres veces más mensajes en
            el mismo tiempo, y usa las etiquetas para no olvidar ninguna entrega.
        """,
        ),
        warning(
            "Cuida tu seguridad",
            """
            No publiques en tu estado cuánto dinero ganas ni dónde guardas la mercadería. Para
            cobrar, prefiere transferencias y confirma el pago en tu cuenta antes de entregar.
        """,
        ),
    ),
)

COURSE = CourseSpec(
    title="Marketing digital y fotografía de producto",
    slug="marketing-digital",
    track="tecnicas",
    summary=(
        "Toma buenas fotos de tus productos con el celular y vende por redes sociales y WhatsApp "
        "Business. Sin gastar en equipos caros y cuidando tus datos móviles."
    ),
    outcomes=(
        "Tomar fotos de producto con luz natural y un fondo limpio",
        "Editar y ordenar tus fotos en un catálogo",
        "Publicar en redes sociales pensando en tu cliente ideal",
        "Configurar WhatsApp Business con catálogo y respuestas rápidas",
    ),
    hours=Decimal("6"),
    image=PRODUCT_PHOTO,
    modules=(
        ModuleSpec(
            title="Fotos que venden",
            slug="fotos-que-venden",
            intro="Toma, edita y ordena fotos de tus productos con tu celular.",
            lessons=(PHONE_PHOTOS, EDIT_PHOTOS),
        ),
        ModuleSpec(
            title="Vende en redes y por WhatsApp",
            slug="vende-en-redes",
            intro="Llega a tus clientes donde ya están.",
            lessons=(SOCIAL_MEDIA, WHATSAPP_BUSINESS),
        ),
    ),
    pre_test=PRE_TEST,
    final_quiz=FINAL_QUIZ,
)
